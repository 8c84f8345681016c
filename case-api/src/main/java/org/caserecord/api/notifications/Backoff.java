package org.caserecord.api.notifications;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure the wait is
 * {@code initial * 2^(n-1)}, capped at {@code max}, of which a random part (up to half) is taken
 * off, so that receivers coming back are not hit by every sender at the same instant.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * @param failures consecutive failures so far (at least 1)
     * @param random   a value in [0, 1)
     */
    Duration after(int failures, DoubleSupplier random) {
        long ceiling = max.toMillis();
        long wait = initial.toMillis();
        for (int i = 1; i < failures && wait < ceiling; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, ceiling);
        long jitter = (long) (wait / 2.0 * random.getAsDouble());
        return Duration.ofMillis(Math.max(1, wait - jitter));
    }
}
