package org.caserecord.projections.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.caserecord.domain.events.CaseEvent;

/**
 * One case's event stream, delivered to projections the way an Axon event processor does:
 * as domain event messages through Axon's annotation machinery, so {@code @SequenceNumber},
 * {@code @Timestamp} and {@code @MetaDataValue} resolve as in production. Sequence numbers
 * count up from 0 like an aggregate's; each event is recorded one minute after the previous.
 */
public final class CaseStream {

    public static final String AGGREGATE_TYPE = "CaseFile";
    public static final String ACTOR = "ada";
    private static final Instant FIRST_RECORDED_AT = Instant.parse("2026-03-01T09:00:00Z");

    private final UUID caseId;
    private final List<AnnotationEventHandlerAdapter> projections;
    private long nextSequence;

    private CaseStream(UUID caseId, List<AnnotationEventHandlerAdapter> projections) {
        this.caseId = caseId;
        this.projections = projections;
    }

    public static CaseStream of(UUID caseId, Object... projections) {
        return new CaseStream(caseId, Arrays.stream(projections)
                .map(AnnotationEventHandlerAdapter::new)
                .toList());
    }

    /** When the event with this sequence number was recorded (the message timestamp). */
    public static Instant recordedAt(long sequence) {
        return FIRST_RECORDED_AT.plus(Duration.ofMinutes(sequence));
    }

    /** Appends the event at the next sequence number and delivers it. */
    public DomainEventMessage<?> append(CaseEvent event) {
        if (!event.caseId().equals(caseId)) {
            throw new IllegalArgumentException("The event belongs to another case: " + event.caseId());
        }
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(AGGREGATE_TYPE, caseId.toString(),
                nextSequence, event, MetaData.with("actor", ACTOR), UUID.randomUUID().toString(),
                recordedAt(nextSequence));
        nextSequence++;
        deliver(message);
        return message;
    }

    /** Delivers an event message again, as a processor does after a rollback or a restart. */
    public void redeliver(DomainEventMessage<?> message) {
        deliver(message);
    }

    private void deliver(DomainEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            // A projection without a handler for the event would make "nothing changed" pass vacuously.
            if (!projection.canHandle(message)) {
                throw new IllegalStateException(projection.getTargetType().getSimpleName()
                        + " has no handler for " + message.getPayloadType().getSimpleName());
            }
            try {
                projection.handle(message);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
