package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class IdempotencyRecordPurgeTest {

    @Autowired
    IdempotencyRecordPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String actor = "purge-" + UUID.randomUUID();
        insert(actor, "old", OffsetDateTime.now(ZoneOffset.UTC).minusHours(25));
        insert(actor, "recent", OffsetDateTime.now(ZoneOffset.UTC).minusHours(23));

        purge.purgeExpired();

        assertThat(jdbc.sql("SELECT idempotency_key FROM idempotency_record WHERE actor = :actor")
                .param("actor", actor).query(String.class).list()).containsExactly("recent");
    }

    private void insert(String actor, String key, OffsetDateTime createdAt) {
        jdbc.sql("""
                        INSERT INTO idempotency_record (actor, idempotency_key, request_fingerprint, response_status,
                                                        response_body, created_at)
                        VALUES (:actor, :key, :fingerprint, 201, '{}', :createdAt)
                        """)
                .param("actor", actor).param("key", key).param("fingerprint", "0".repeat(64))
                .param("createdAt", createdAt)
                .update();
    }
}
