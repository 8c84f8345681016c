package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.caserecord.api.web.RateLimitBuckets.Admission;
import org.junit.jupiter.api.Test;

/** The token buckets against a time source the test moves by hand. */
class RateLimitBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private RateLimitBuckets buckets(int requestsPerMinute, int burst) {
        return new RateLimitBuckets(new RateLimitProperties(true, requestsPerMinute, burst), nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static int granted(RateLimitBuckets buckets, String user, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (buckets.take(user).granted()) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void aNewUserMaySendTheWholeBurstAtOnceAndNoMore() {
        RateLimitBuckets buckets = buckets(60, 3);

        assertThat(granted(buckets, "ada", 3)).isEqualTo(3);
        assertThat(buckets.take("ada").granted()).isFalse();
    }

    @Test
    void anEmptyBucketRefillsOneTokenPerIntervalContinuously() {
        RateLimitBuckets buckets = buckets(60, 3); // one token a second
        granted(buckets, "ada", 3);

        advance(Duration.ofMillis(999));
        assertThat(buckets.take("ada").granted()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(buckets.take("ada").granted()).isTrue();
        assertThat(buckets.take("ada").granted()).isFalse();

        advance(Duration.ofMillis(2500)); // 2.5 tokens; a bucket forgotten too early would give 3
        assertThat(granted(buckets, "ada", 5)).isEqualTo(2);
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        RateLimitBuckets buckets = buckets(60, 3);
        granted(buckets, "ada", 3);

        advance(Duration.ofHours(1));

        assertThat(granted(buckets, "ada", 10)).isEqualTo(3);
    }

    @Test
    void retryAfterIsTheTimeUntilTheNextToken() {
        RateLimitBuckets buckets = buckets(30, 5); // one token every two seconds
        granted(buckets, "ada", 5);

        Admission refused = buckets.take("ada");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);

        advance(Duration.ofMillis(1400));
        Admission later = buckets.take("ada");
        assertThat(later.retryAfter()).isEqualTo(Duration.ofMillis(600));
        assertThat(later.retryAfterSeconds()).as("rounded up, never 0").isEqualTo(1);

        advance(Duration.ofMillis(600));
        assertThat(buckets.take("ada").granted()).isTrue();
    }

    @Test
    void retryAfterIsAtLeastOneSecondWhenTokensComeFasterThanThat() {
        RateLimitBuckets buckets = buckets(1200, 1); // one token every 50 ms
        buckets.take("ada");

        Admission refused = buckets.take("ada");

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(50));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refusedRequestsTakeNoTokens() {
        RateLimitBuckets buckets = buckets(60, 2);
        granted(buckets, "ada", 2);

        assertThat(granted(buckets, "ada", 50)).isZero();
        assertThat(buckets.take("ada").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(buckets.take("ada").granted()).isTrue();
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        RateLimitBuckets buckets = buckets(60, 3);
        granted(buckets, "ada", 3);

        assertThat(buckets.take("ada").granted()).isFalse();
        assertThat(granted(buckets, "ben", 3)).isEqualTo(3);
        assertThat(buckets.take("ben").granted()).isFalse();
    }

    @Test
    void anIdleUserIsForgottenOnlyOnceTheirBucketIsFullAgain() {
        RateLimitBuckets buckets = buckets(60, 3); // full again 3 s after the last request
        granted(buckets, "ada", 3);
        advance(Duration.ofMillis(2500));
        granted(buckets, "ada", 3);
        Duration forgottenAfter = Duration.ofSeconds(3).plus(RateLimitBuckets.IDLE_MARGIN);

        advance(forgottenAfter.minusMillis(1));
        assertThat(buckets.trackedUsers()).isEqualTo(1);
        advance(Duration.ofSeconds(1)); // Caffeine's access times are exact only to a second
        assertThat(buckets.trackedUsers()).isZero();
    }

    @Test
    void theLimitHoldsWhereTheTimeSourceWrapsAround() {
        nanos.set(Long.MAX_VALUE - Duration.ofMillis(500).toNanos());
        RateLimitBuckets buckets = buckets(60, 2);
        granted(buckets, "ada", 2);

        advance(Duration.ofMillis(999)); // past Long.MAX_VALUE: nanoTime values wrap
        assertThat(buckets.take("ada").granted()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(buckets.take("ada").granted()).isTrue();
        assertThat(buckets.take("ada").granted()).isFalse();
    }

    @Test
    void concurrentRequestsOfOneUserNeverGetMoreThanTheBurst() throws Exception {
        RateLimitBuckets buckets = buckets(60, 50); // time stands still: no refill
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> granted(buckets, "ada", 100));
            }
            int total = 0;
            for (Future<Integer> result : threads.invokeAll(tasks)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(50);
        } finally {
            threads.shutdownNow();
        }
    }
}
