package org.caserecord.api.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.caserecord.domain.catalog.EventCatalog;
import org.springframework.stereotype.Component;

/**
 * The outbox of outbound notifications: for every case event, one pending delivery per active
 * subscription that receives its type, recorded in the transaction that moves this processor's
 * token. A crash before the commit processes the events again; after it, the deliveries are
 * stored: none is lost, and the unique (subscription, event) key makes a second pass add nothing.
 * <p>
 * Reads the message, never its payload: only the event's id, type, case, sequence and time are
 * needed (no personal data is decrypted, nothing is deserialized). The deliveries of a batch are
 * written together just before it commits; the dispatcher is woken once they are committed.
 * <p>
 * No reset handler: there is nothing to empty. Should the processor's token be reset, it starts
 * again at the oldest active subscription's creation (see NotificationsConfiguration) and adds
 * only deliveries that are missing.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhook-outbox";
    private static final String BATCH = WebhookOutbox.class.getName() + ".batch";
    private static final Set<Class<?>> CASE_EVENTS = Set.copyOf(EventCatalog.TYPES);

    private final DeliveryQueue queue;
    private final WebhookDispatcher dispatcher;

    WebhookOutbox(DeliveryQueue queue, WebhookDispatcher dispatcher) {
        this.queue = queue;
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent) || !CASE_EVENTS.contains(event.getPayloadType())) {
            return;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(domainEvent.getAggregateIdentifier());
        } catch (IllegalArgumentException notACase) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch events = new Batch();
            unitOfWork.onPrepareCommit(u -> events.added = queue.enqueue(events.events));
            unitOfWork.afterCommit(u -> {
                if (events.added > 0) {
                    dispatcher.wake();
                }
            });
            return events;
        });
        batch.events.add(new DeliveryQueue.RecordedEvent(event.getIdentifier(),
                event.getPayloadType().getSimpleName(), caseId, domainEvent.getSequenceNumber(), event.getTimestamp()));
    }

    /** The case events of one processing batch, and how many deliveries they added. */
    private static final class Batch {
        private final List<DeliveryQueue.RecordedEvent> events = new ArrayList<>();
        private int added;
    }
}
