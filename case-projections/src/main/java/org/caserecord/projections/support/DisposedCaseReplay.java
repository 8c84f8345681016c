package org.caserecord.projections.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one disposed case inside a read model: the read model has removed the case's rows,
 * and its own event handlers are run again over the case's events before the disposal. The
 * case's data key is destroyed by then, so those events read with placeholders instead of the
 * personal data; any copy of the key this process still caches is forgotten first. The result
 * is the same as a replay of the whole read model from the event store.
 */
@Component
public class DisposedCaseReplay {

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<CaseDataKeys> dataKeys;
    private final Map<Object, AnnotationEventHandlerAdapter> adapters = new ConcurrentHashMap<>();

    public DisposedCaseReplay(ObjectProvider<EventStore> eventStore, ObjectProvider<CaseDataKeys> dataKeys) {
        this.eventStore = eventStore;
        this.dataKeys = dataKeys;
    }

    /** Runs {@code projection}'s handlers over the case's events with a sequence number below {@code before}. */
    public void replay(UUID caseId, long before, Object projection) {
        dataKeys.ifAvailable(keys -> keys.forget(caseId));
        AnnotationEventHandlerAdapter handlers = adapters.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new);
        DomainEventStream events = eventStore.getObject().readEvents(caseId.toString());
        try {
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (event.getSequenceNumber() >= before) {
                    break;
                }
                if (handlers.canHandle(event)) {
                    handlers.handle(event);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding a disposed case in a read model failed", e);
        }
    }
}
