package org.caserecord.api.directory;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.FieldRejected;
import org.caserecord.domain.directory.ResourceRegistered;
import org.caserecord.domain.directory.ResourceRetired;
import org.caserecord.domain.directory.ResourceUpdated;
import org.caserecord.domain.model.Provider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a resource of the directory from its events, so a referral records the resource exactly
 * as its latest change left it, however far the directory read model lags. A resource retired
 * after the lookup but before the referral commits is still referred to; the window is that
 * of one request.
 */
@Component
public class ResourceLookup {

    static final String AGGREGATE_TYPE = "Resource";

    private final EventStore eventStore;

    ResourceLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The resource, or empty when no resource has this id (an id of a case is no resource). */
    Optional<DirectoryEntry> find(UUID resourceId) {
        DomainEventStream events = eventStore.readEvents(resourceId.toString());
        if (!events.hasNext() || !AGGREGATE_TYPE.equals(events.peek().getType())) {
            return Optional.empty();
        }
        DirectoryEntry entry = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Object event = message.getPayload();
            long version = message.getSequenceNumber();
            if (event instanceof ResourceRegistered registered) {
                entry = new DirectoryEntry(resourceId, registered.details(), false, version);
            } else if (event instanceof ResourceUpdated updated && entry != null) {
                entry = new DirectoryEntry(resourceId, updated.details(), entry.retired(), version);
            } else if (event instanceof ResourceRetired && entry != null) {
                entry = new DirectoryEntry(resourceId, entry.details(), true, version);
            }
        }
        return Optional.ofNullable(entry);
    }

    /**
     * The provider a referral or intervention to this resource records: its name, type and
     * contact as they are now.
     *
     * @param field the request field that named the resource, for the error when it names none
     */
    public Provider providerFor(UUID resourceId, String field) {
        DirectoryEntry entry = find(resourceId).orElseThrow(() -> new FieldRejected(field,
                "No resource of the directory has this id."));
        if (entry.retired()) {
            throw new ApiException(HttpStatus.CONFLICT, "resource-retired", "Resource retired",
                    "The resource is retired from the directory and takes no referrals; choose another.");
        }
        return entry.asProvider();
    }
}
