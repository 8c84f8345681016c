package org.caserecord.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.caserecord.api.config.DeadLetterConfiguration;
import org.caserecord.api.config.RedactingEnqueuePolicy;
import org.caserecord.api.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The read models' dead-letter queues: what is parked, and retrying it once the cause is fixed.
 * A retry runs here, on the caller's thread, in its own transaction: each parked sequence's
 * events are applied in order until one fails again (it stays parked, with its retry count
 * raised) or the sequence is empty.
 */
@Service
public class DeadLetterAdministration {

    /** Letters listed per group; the counts are always complete. */
    static final int LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdministration.class);

    private final EventProcessingConfiguration processing;
    /** Retries of one group run one at a time in this instance (Axon's claim covers other instances). */
    private final Map<String, Object> retryLocks = new ConcurrentHashMap<>();

    DeadLetterAdministration(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<DeadLetters> all() {
        return DeadLetterConfiguration.GROUPS.stream().map(this::of).toList();
    }

    public long letters(String group) {
        return queue(group).size();
    }

    public DeadLetters of(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetters.Letter> listed = new ArrayList<>();
        outer:
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (listed.size() >= LISTED) {
                    break outer;
                }
                listed.add(letter(group, letter));
            }
        }
        return new DeadLetters(group, queue.amountOfSequences(), queue.size(), List.copyOf(listed));
    }

    /** Retries every parked sequence of the group once, or only the given case's. */
    public DeadLetters.Retry retry(String group, UUID caseId, String actor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter processor for " + group));
        synchronized (retryLocks.computeIfAbsent(group, g -> new Object())) {
            int retried = 0;
            int cleared = 0;
            if (caseId != null) {
                String sequence = caseId.toString();
                if (queue.contains(sequence)) {
                    retried = 1;
                    cleared = processor.process(letter -> sequence.equals(sequenceOf(letter))) ? 1 : 0;
                }
            } else {
                // One attempt per sequence: each call takes the least recently tried one.
                long sequences = queue.amountOfSequences();
                for (long i = 0; i < sequences; i++) {
                    retried++;
                    if (processor.processAny()) {
                        cleared++;
                    }
                }
            }
            long remaining = queue.size();
            log.info("Dead-letter retry in {} requested by {}: {} sequence(s) retried, {} cleared, {} letter(s) remain",
                    group, actor, retried, cleared, remaining);
            return new DeadLetters.Retry(retried, cleared, remaining);
        }
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!DeadLetterConfiguration.GROUPS.contains(group)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "dead-letter-queue-not-found", "Dead-letter queue not found",
                    "Read models with a dead-letter queue: " + String.join(", ", DeadLetterConfiguration.GROUPS) + ".");
        }
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + group));
    }

    private static DeadLetters.Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new DeadLetters.Letter(group, sequenceOf(letter), event.getPayloadType().getSimpleName(),
                sequenceNumber, letter.cause().map(Cause::type).orElse(null), letter.enqueuedAt(),
                letter.lastTouched(), RedactingEnqueuePolicy.retries(letter));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }
}
