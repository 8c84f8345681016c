package org.caserecord.api.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it: never its secret.
 *
 * @param eventTypes          the case event types it receives (simple names, e.g. MeetingRecorded)
 * @param createdAt           it receives events recorded from this instant on, none from before
 * @param deletedAt           when it was deleted (null while active); its delivery log stays readable
 * @param consecutiveFailures failed attempts since the receiver last accepted a delivery
 * @param pausedUntil         after failures, no attempt before this instant (null when not paused)
 */
public record Subscription(
        UUID id,
        String url,
        List<String> eventTypes,
        Instant createdAt,
        String createdBy,
        Instant deletedAt,
        String deletedBy,
        int consecutiveFailures,
        Instant pausedUntil) {
}
