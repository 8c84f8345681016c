package org.caserecord.api.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.web.ApiException;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.projections.support.CaseDataKeys;
import org.caserecord.projections.casefile.CaseFileRebuild;
import org.caserecord.projections.casefile.CaseFileView;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case file exactly as it stood at an earlier version or recorded instant, rebuilt from the
 * event store (not from the read model, which only knows the present).
 */
@Component
public class PointInTime {

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final CaseDataKeys dataKeys;

    PointInTime(EventStore eventStore, JdbcClient jdbc, CaseDataKeys dataKeys) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.dataKeys = dataKeys;
    }

    /**
     * Before a case's events are read: if its record was disposed of, any copy of its data key
     * this process still holds (destroyed by another instance moments ago) is dropped, so the
     * events read with placeholders here too, at once rather than when the copy expires.
     */
    public void forgetKeyIfDisposed(UUID caseId) {
        boolean disposed = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM domain_event_entry
                                        WHERE aggregate_identifier = :caseId AND payload_type = :type)""")
                .param("caseId", caseId.toString())
                .param("type", CaseRecordDisposed.class.getName())
                .query(Boolean.class)
                .single();
        if (disposed) {
            dataKeys.forget(caseId);
        }
    }

    /** The case after its event {@code version}; 404 when the case or that version does not exist. */
    public CaseFileView atVersion(UUID caseId, long version) {
        return CaseFileRebuild.fold(eventsUpTo(caseId, version));
    }

    /**
     * The case as recorded at {@code instant}: the events of its stream up to the first one recorded
     * after that instant. 404 when the case did not exist yet.
     */
    public CaseFileView atInstant(UUID caseId, Instant instant) {
        List<DomainEventMessage<?>> events = read(caseId, event -> !event.getTimestamp().isAfter(instant));
        if (events.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
                    "The case did not exist at that instant.");
        }
        return CaseFileRebuild.fold(events);
    }

    /** Every event of the case, in order; 404 when the case does not exist. */
    public List<DomainEventMessage<?>> events(UUID caseId) {
        return read(caseId, event -> true);
    }

    /** The case's events from its first up to and including {@code version}. */
    public List<DomainEventMessage<?>> eventsUpTo(UUID caseId, long version) {
        List<DomainEventMessage<?>> events = read(caseId, event -> event.getSequenceNumber() <= version);
        if (events.isEmpty() || events.get(events.size() - 1).getSequenceNumber() != version) {
            throw new ApiException(HttpStatus.NOT_FOUND, "version-not-found", "Version not found",
                    "The case has no version " + version + ".");
        }
        return events;
    }

    private List<DomainEventMessage<?>> read(UUID caseId, Predicate<DomainEventMessage<?>> included) {
        if (eventStore.lastSequenceNumberFor(caseId.toString()).isEmpty()) {
            throw ApiException.caseNotFound();
        }
        forgetKeyIfDisposed(caseId);
        DomainEventStream stream = eventStore.readEvents(caseId.toString());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!included.test(event)) {
                break;
            }
            events.add(event);
        }
        return events;
    }
}
