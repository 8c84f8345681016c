package org.caserecord.projections.directory;

import java.time.Instant;

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
        ResourceDetails details = event.details();
        jdbc.sql("""
                        INSERT INTO directory_resource (resource_id, version, name, type, contact, address, languages,
                                                        accepted_payers, notes, status, registered_at, registered_by,
                                                        updated_at, updated_by)
                        VALUES (:resourceId, :version, :name, :type, :contact, :address, :languages,
                                :payers, :notes, 'ACTIVE', :recordedAt, :actor, :recordedAt, :actor)
                        ON CONFLICT (resource_id) DO NOTHING
                        """)
                .param("resourceId", event.resourceId())
                .param("version", sequence)
                .param("name", details.name())
                .param("type", details.type().name())
                .param("contact", details.contact())
                .param("address", details.address())
                .param("languages", details.languages().toArray(String[]::new))
                .param("payers", details.acceptedPayers().toArray(String[]::new))
                .param("notes", details.notes())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("actor", actor)
                .update();
    }

    @EventHandler
    void on(ResourceUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        ResourceDetails details = event.details();
        jdbc.sql("""
                        UPDATE directory_resource
                           SET version = :version, name = :name, type = :type, contact = :contact, address = :address,
                               languages = :languages, accepted_payers = :payers, notes = :notes,
                               updated_at = :recordedAt, updated_by = :actor
                         WHERE resource_id = :resourceId AND version < :version
                        """)
                .param("resourceId", event.resourceId())
                .param("version", sequence)
                .param("name", details.name())
                .param("type", details.type().name())
                .param("contact", details.contact())
                .param("address", details.address())
                .param("languages", details.languages().toArray(String[]::new))
                .param("payers", details.acceptedPayers().toArray(String[]::new))
                .param("notes", details.notes())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("actor", actor)
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
}
