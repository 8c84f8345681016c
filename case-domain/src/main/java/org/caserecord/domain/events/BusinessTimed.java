package org.caserecord.domain.events;

import java.time.Instant;

/**
 * An event that describes something that happened in the world at a known time (the
 * business timeline), as opposed to when it was recorded (the event's timestamp).
 */
public interface BusinessTimed {
    Instant occurredAt();
}
