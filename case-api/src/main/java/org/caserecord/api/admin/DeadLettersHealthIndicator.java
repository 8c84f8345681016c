package org.caserecord.api.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.caserecord.api.config.DeadLetterConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code deadLetters}: the parked events per read model. Any parked event makes
 * it {@code DEGRADED}, which ranks below DOWN and OUT_OF_SERVICE and answers 200
 * (application.yml): a parked case is a problem for a records officer to look at, not a reason
 * to take the instance out of load balancing. The readiness group does not include it. The
 * gauge {@code caserecord.dead.letters} counts the same per processing group, for alerting.
 */
@Component("deadLetters")
class DeadLettersHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Events are parked in a dead-letter queue");

    private final DeadLetterAdministration deadLetters;

    DeadLettersHealthIndicator(DeadLetterAdministration deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        for (String group : DeadLetterConfiguration.GROUPS) {
            Gauge.builder("caserecord.dead.letters", deadLetters, d -> d.letters(group))
                    .description("Events parked in the read model's dead-letter queue")
                    .tag("processingGroup", group)
                    .register(meters);
        }
    }

    @Override
    public Health health() {
        Map<String, Long> letters = new LinkedHashMap<>();
        try {
            for (String group : DeadLetterConfiguration.GROUPS) {
                letters.put(group, deadLetters.letters(group));
            }
        } catch (RuntimeException unreadable) {
            // The database's own indicator reports an outage; its message stays out of the answer.
            return Health.unknown().build();
        }
        boolean parked = letters.values().stream().anyMatch(count -> count > 0);
        return Health.status(parked ? DEGRADED : Status.UP).withDetails(Map.of("letters", letters)).build();
    }
}
