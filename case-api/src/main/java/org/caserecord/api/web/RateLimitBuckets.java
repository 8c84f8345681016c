package org.caserecord.api.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * One token bucket per user: {@code burst} tokens, refilled continuously at
 * {@code requestsPerMinute}; each request takes a token or is refused. A bucket is kept as one
 * number, the moment it will be full again (GCRA's "theoretical arrival time"): taking a token
 * moves that moment one token's worth of time later, and a request is refused while it lies more
 * than a full bucket's worth of time ahead. Time comes from a monotonic {@link Ticker} in
 * nanoseconds, not the wall clock, which can step when it is synchronised.
 */
final class RateLimitBuckets {

    /** Far more users than a clinic has; past it the least used bucket is dropped (its user starts full). */
    static final long MAX_USERS = 10_000;
    /**
     * Kept past the moment a bucket is full again: Caffeine notes access times only to within a
     * second, and a bucket dropped early would hand its user tokens they have not waited for.
     */
    static final Duration IDLE_MARGIN = Duration.ofMinutes(1);

    private final Ticker ticker;
    private final long nanosPerToken;
    private final long fullBucketNanos;
    private final Cache<String, AtomicLong> fullAgainAt;

    RateLimitBuckets(RateLimitProperties properties, Ticker ticker) {
        this.ticker = ticker;
        this.nanosPerToken = TimeUnit.MINUTES.toNanos(1) / properties.requestsPerMinute();
        this.fullBucketNanos = nanosPerToken * properties.burst();
        // A bucket left alone this long is full, the same as a new one: forgetting it changes nothing.
        this.fullAgainAt = Caffeine.newBuilder()
                .maximumSize(MAX_USERS)
                .expireAfterAccess(Duration.ofNanos(fullBucketNanos).plus(IDLE_MARGIN))
                .ticker(ticker)
                .build();
    }

    Admission take(String user) {
        AtomicLong bucket = fullAgainAt.get(user, newUser -> new AtomicLong(ticker.read()));
        while (true) {
            long now = ticker.read();
            long fullAt = bucket.get();
            // Differences, not comparisons: nanoTime values may be negative or wrap.
            long takenFrom = fullAt - now > 0 ? fullAt : now;
            long fullAfterTaking = takenFrom + nanosPerToken;
            long shortOfAToken = fullAfterTaking - now - fullBucketNanos;
            if (shortOfAToken > 0) {
                return Admission.refused(Duration.ofNanos(shortOfAToken));
            }
            if (bucket.compareAndSet(fullAt, fullAfterTaking)) {
                return Admission.GRANTED;
            }
        }
    }

    /** The users currently holding a bucket that is not yet full again. */
    long trackedUsers() {
        fullAgainAt.cleanUp();
        return fullAgainAt.estimatedSize();
    }

    /** Whether a request may go ahead, and if not, how long until the user's next token. */
    record Admission(boolean granted, Duration retryAfter) {

        static final Admission GRANTED = new Admission(true, Duration.ZERO);

        static Admission refused(Duration retryAfter) {
            return new Admission(false, retryAfter);
        }

        /** Retry-After in whole seconds, rounded up so that a retry at that time succeeds. */
        long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return retryAfter.toNanosPart() > 0 ? seconds + 1 : seconds;
        }
    }
}
