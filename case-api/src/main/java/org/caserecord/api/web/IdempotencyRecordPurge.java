package org.caserecord.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets stored responses to idempotent requests once retries are no longer expected
 * ({@code caserecord.api.idempotency-retention}, a day by default). A key reused after
 * that is treated as a new request.
 */
@Component
class IdempotencyRecordPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordPurge.class);

    private final JdbcClient jdbc;
    private final ApiProperties properties;
    private final Clock clock;

    IdempotencyRecordPurge(JdbcClient jdbc, ApiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${caserecord.api.idempotency-purge-interval:PT1H}", initialDelayString = "PT1M")
    void purgeExpired() {
        Instant cutoff = Instant.now(clock).minus(properties.idempotencyRetention());
        int purged = jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
        if (purged > 0) {
            log.info("Purged {} idempotency records older than {}", purged, properties.idempotencyRetention());
        }
    }
}
