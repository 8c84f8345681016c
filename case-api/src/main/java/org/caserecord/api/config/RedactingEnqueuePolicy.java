package org.caserecord.api.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.caserecord.api.web.DatabaseUnavailable;
import org.caserecord.api.web.SafeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event a read model's handler failed on. When the database could not be
 * reached, the failure is thrown on: the processor rolls the batch back and retries it with
 * backoff, so nothing is parked for an outage. Any other failure parks the event (and, behind
 * it, the rest of its case) in the dead-letter queue. Only the exception's class is stored:
 * database messages can quote the values they failed on, which may be client data. The
 * failure is logged once here, without messages or payload, because Axon logs nothing about
 * it; the diagnostics count the retries that failed again.
 */
public class RedactingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String RETRIES = "retries";
    static final String REDACTED = "not stored: see the application log at the time of enqueuedAt or lastTouched";
    private static final Logger log = LoggerFactory.getLogger(RedactingEnqueuePolicy.class);

    private final String processingGroup;

    public RedactingEnqueuePolicy(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseUnavailable.matches(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Database unavailable while projecting", cause);
        }
        EventMessage<?> event = letter.message();
        String sequence = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "-";
        Object number = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : "-";
        // Axon hands a new letter the cause already; only a parked one has diagnostics.
        boolean retry = letter.diagnostics().containsKey(RETRIES);
        log.warn("{}: processing group {}, {} #{} of sequence {} (event {}): {}",
                retry ? "A dead-letter retry failed; the event stays parked"
                        : "A read model handler failed; the event is parked in the dead-letter queue",
                processingGroup, event.getPayloadType().getSimpleName(), number, sequence, event.getIdentifier(),
                SafeLog.describe(cause));
        return Decisions.<EventMessage<?>>enqueue(new ThrowableCause(cause.getClass().getName(), REDACTED),
                RedactingEnqueuePolicy::countRetry);
    }

    /** 0 when first parked, one more for each retry that failed. */
    private static MetaData countRetry(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        int next = retries instanceof Number number ? number.intValue() + 1 : 0;
        return letter.diagnostics().and(RETRIES, next);
    }

    public static int retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number number ? number.intValue() : 0;
    }
}
