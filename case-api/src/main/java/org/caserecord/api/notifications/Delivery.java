package org.caserecord.api.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a subscription's delivery log: which event was (or is to be) notified, and how
 * its attempts went. Ids, types, times and status codes only.
 *
 * @param id             the CaseRecord-Delivery header's value; the same on every attempt
 * @param eventId        the event's identifier
 * @param type           the event type, e.g. MeetingRecorded
 * @param sequence       the event's sequence number in its case (the case's version after it)
 * @param recordedAt     when the event was recorded
 * @param attempts       attempts started so far
 * @param lastStatusCode the receiver's HTTP status on the last attempt (null if none came back)
 * @param lastError      why the last attempt failed (null when it succeeded or none was made)
 * @param nextAttemptAt  the earliest next attempt, while pending (it may also wait for an earlier
 *                       delivery of the same case)
 */
public record Delivery(
        UUID id,
        String eventId,
        String type,
        UUID caseId,
        long sequence,
        Instant recordedAt,
        DeliveryStatus status,
        int attempts,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {
}
