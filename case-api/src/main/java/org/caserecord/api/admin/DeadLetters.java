package org.caserecord.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * The events parked in one read model's dead-letter queue (docs/operations.md).
 *
 * @param processingGroup the read model's processing group
 * @param sequences       how many cases (sequences) have parked events
 * @param letters         how many events are parked in all
 * @param parked          the first of them, per sequence in order, at most {@value DeadLetterAdministration#LISTED} per group
 */
public record DeadLetters(String processingGroup, long sequences, long letters, List<Letter> parked) {

    /**
     * One parked event; never its payload. The first letter of a sequence carries the cause;
     * the ones behind it were parked without being handled, to keep the case's order.
     *
     * @param caseId         the sequence: the case id (the resource id in resource-directory)
     * @param eventType      the event's type, e.g. MeetingRecorded
     * @param sequenceNumber the event's number within its case
     * @param causeType      the exception class the handler failed with; null when queued behind
     * @param retries        how many retries have failed since it was parked
     */
    public record Letter(String processingGroup, String caseId, String eventType, Long sequenceNumber,
                         String causeType, Instant enqueuedAt, Instant lastTouched, int retries) {
    }

    /**
     * What a retry did.
     *
     * @param retried   sequences attempted
     * @param cleared   sequences whose every parked event has now been applied
     * @param remaining events still parked in the group
     */
    public record Retry(int retried, int cleared, long remaining) {
    }
}
