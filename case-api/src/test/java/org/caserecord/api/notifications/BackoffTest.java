package org.caserecord.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesWithEveryFailureUpToTheCap() {
        assertThat(backoff.after(1, () -> 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2, () -> 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5, () -> 0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(10, () -> 0)).isEqualTo(Duration.ofSeconds(512));
        assertThat(backoff.after(11, () -> 0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(Integer.MAX_VALUE, () -> 0)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterTakesOffAtMostHalf() {
        assertThat(backoff.after(3, () -> 0.999_999)).isBetween(Duration.ofMillis(2_000), Duration.ofMillis(2_001));
        assertThat(backoff.after(30, () -> 0.5)).isEqualTo(Duration.ofMinutes(10).multipliedBy(3).dividedBy(4));
    }
}
