package org.caserecord.api.notifications;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not yet accepted by the receiver: being attempted, or waiting for its next attempt or its turn in its case. */
    PENDING,
    /** The receiver answered an attempt with 2xx. */
    DELIVERED,
    /** The subscription was deleted before the receiver accepted it; never attempted again. */
    CANCELLED
}
