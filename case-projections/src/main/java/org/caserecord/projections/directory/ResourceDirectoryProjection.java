package org.caserecord.projections.directory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.caserecord.domain.directory.ResourceDetails;
import org.caserecord.domain.directory.ResourceRegistered;
import org.caserecord.domain.directory.ResourceRetired;
import org.caserecord.domain.directory.ResourceUpdated;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the resource directory read model (table directory_resource) from the Resource
 * aggregate's events. Each write only applies an event newer than the row's version, so a
 * redelivered event changes nothing; rows and the processor's token commit together.
 */
@Component
@ProcessingGroup(ResourceDirectoryProjection.PROCESSING_GROUP)
public class ResourceDirectoryProjection {

    public static final String PROCESSING_GROUP = "resource-directory";

    private final JdbcClient jdbc;

    public ResourceDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE directory_resource").update();
    }

    @EventHandler
    void on(ResourceRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        jdbc.sql("""
                        INSERT INTO directory_resource (resource_id, version, name, type, contact, address, languages,
                                                        accepted_payers, notes, status, registered_at, registered_by,
                                                        updated_at, updated_by)
                        VALUES (:resourceId, :version, :name, :type, :contact, :address, :languages,
                                :payers, :notes, 'ACTIVE', :recordedAt, :actor, :recordedAt, :actor)
                        ON CONFLICT (resource_id) DO NOTHING
                        """)
                .params(columns(event.resourceId(), sequence, event.details(), recordedAt, actor))
                .update();
    }

    @EventHandler
    void on(ResourceUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        jdbc.sql("""
                        UPDATE directory_resource
                           SET version = :version, name = :name, type = :type, contact = :contact, address = :address,
                               languages = :languages, accepted_payers = :payers, notes = :notes,
                               updated_at = :recordedAt, updated_by = :actor
                         WHERE resource_id = :resourceId AND version < :version
                        """)
                .params(columns(event.resourceId(), sequence, event.details(), recordedAt, actor))
                .update();
    }

    @EventHandler
    void on(ResourceRetired event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        jdbc.sql("""
                        UPDATE directory_resource
                           SET version = :version, status = 'RETIRED', retirement_reason = :reason,
                               retired_at = :recordedAt, updated_at = :recordedAt, updated_by = :actor
                         WHERE resource_id = :resourceId AND version < :version
                        """)
                .param("resourceId", event.resourceId())
                .param("version", sequence)
                .param("reason", event.reason())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("actor", actor)
                .update();
    }

    private static Map<String, Object> columns(UUID resourceId, long sequence, ResourceDetails details,
                                               Instant recordedAt, String actor) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("resourceId", resourceId);
        columns.put("version", sequence);
        columns.put("name", details.name());
        columns.put("type", details.type().name());
        columns.put("contact", details.contact());
        columns.put("address", details.address());
        columns.put("languages", details.languages().toArray(String[]::new));
        columns.put("payers", details.acceptedPayers().toArray(String[]::new));
        columns.put("notes", details.notes());
        columns.put("recordedAt", SqlTime.utc(recordedAt));
        columns.put("actor", actor);
        return columns;
    }
}
