package org.caserecord.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The per-case data keys against the real key table: created once, committed with their case, destroyed for good. */
@ApiTest
class CaseDataKeyRingTest {

    private final CaseDataKeyRing keys;
    private final MasterKey masterKey;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    CaseDataKeyRingTest(HttpApi unused, @Autowired CaseDataKeyRing keys, @Autowired MasterKey masterKey,
                        @Autowired JdbcClient jdbc, @Autowired TransactionTemplate transactions,
                        @Autowired MeterRegistry meters) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    private record Row(byte[] wrappedKey, String masterKeyId, boolean created, boolean destroyed, String destroyedBy) {
    }

    private Optional<Row> row(UUID caseId) {
        return jdbc.sql("""
                        SELECT wrapped_key, master_key_id, created_at IS NOT NULL, destroyed_at IS NOT NULL,
                               destroyed_by
                          FROM case_data_key WHERE case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5)))
                .optional();
    }

    /** Another instance of the service: its own cache, the same database, a clock the test moves. */
    private CaseDataKeyRing otherInstance(AtomicLong nanos) {
        Ticker ticker = nanos::get;
        return new CaseDataKeyRing(jdbc, masterKey, Duration.ofSeconds(60), 100, new SimpleMeterRegistry(), ticker);
    }

    private static <T> T onAnotherThread(java.util.function.Supplier<T> work) throws Exception {
        return CompletableFuture.supplyAsync(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCaseKeepsTheKeyItWasGivenFirst() {
        UUID caseId = UUID.randomUUID();

        SecretKey first = keys.keyForEncryption(caseId);

        assertThat(first.getEncoded()).hasSize(32);
        assertThat(keys.keyForEncryption(caseId)).isEqualTo(first);
        assertThat(otherInstance(new AtomicLong()).keyForDecryption(caseId)).contains(first);
        Row stored = row(caseId).orElseThrow();
        assertThat(stored.masterKeyId()).isEqualTo(masterKey.id()).hasSize(16);
        // Wrapped: IV, the 32 key bytes encrypted, tag; never the key itself.
        assertThat(stored.wrappedKey()).hasSize(12 + 32 + 16);
        assertThat(new String(stored.wrappedKey(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(first.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(stored.created()).isTrue();
        assertThat(stored.destroyed()).isFalse();
        assertThat(keys.isDestroyed(caseId)).isFalse();
    }

    @Test
    void aNewKeyIsSharedOnlyOnceItsTransactionCommits() throws Exception {
        UUID caseId = UUID.randomUUID();
        SecretKey[] created = new SecretKey[1];
        Optional<SecretKey>[] seenMeanwhile = new Optional[1];

        transactions.executeWithoutResult(status -> {
            created[0] = keys.keyForEncryption(caseId);
            assertThat(keys.keyForEncryption(caseId)).isEqualTo(created[0]);
            assertThat(keys.keyForDecryption(caseId)).contains(created[0]);
            try {
                seenMeanwhile[0] = onAnotherThread(() -> keys.keyForDecryption(caseId));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenMeanwhile[0]).isEmpty();
        assertThat(onAnotherThread(() -> keys.keyForDecryption(caseId))).contains(created[0]);
    }

    @Test
    void aKeyCreatedInARolledBackTransactionIsForgotten() throws Exception {
        UUID caseId = UUID.randomUUID();
        SecretKey[] created = new SecretKey[1];

        transactions.executeWithoutResult(status -> {
            created[0] = keys.keyForEncryption(caseId);
            status.setRollbackOnly();
        });

        assertThat(row(caseId)).isEmpty();
        assertThat(keys.keyForDecryption(caseId)).isEmpty();
        assertThat(keys.keyForEncryption(caseId)).isNotEqualTo(created[0]);
    }

    @Test
    void aDestroyedKeyIsGoneForGood() {
        UUID caseId = UUID.randomUUID();
        keys.keyForEncryption(caseId);

        assertThat(keys.destroy(caseId, "rita")).isTrue();

        assertThat(keys.destroy(caseId, "rita")).isFalse();
        assertThat(keys.isDestroyed(caseId)).isTrue();
        assertThat(keys.keyForDecryption(caseId)).isEmpty();
        assertThatThrownBy(() -> keys.keyForEncryption(caseId)).isInstanceOf(DataKeyDestroyedException.class)
                .hasMessageContaining(caseId.toString());
        Row stored = row(caseId).orElseThrow();
        assertThat(stored.wrappedKey()).isNull();
        assertThat(stored.destroyed()).isTrue();
        assertThat(stored.destroyedBy()).isEqualTo("rita");
        assertThat(otherInstance(new AtomicLong()).keyForDecryption(caseId)).isEmpty();
    }

    @Test
    void aDestructionRolledBackKeepsTheKey() {
        UUID caseId = UUID.randomUUID();
        SecretKey key = keys.keyForEncryption(caseId);

        transactions.executeWithoutResult(status -> {
            assertThat(keys.destroy(caseId, "rita")).isTrue();
            assertThat(keys.keyForDecryption(caseId)).isEmpty();
            assertThat(keys.isDestroyed(caseId)).isTrue();
            status.setRollbackOnly();
        });

        assertThat(keys.isDestroyed(caseId)).isFalse();
        assertThat(keys.keyForDecryption(caseId)).contains(key);
    }

    @Test
    void aKeyDestroyedByAnotherInstanceStopsBeingUsedWithinTheTimeToLive() {
        UUID caseId = UUID.randomUUID();
        SecretKey key = keys.keyForEncryption(caseId);
        AtomicLong nanos = new AtomicLong();
        CaseDataKeyRing other = otherInstance(nanos);
        assertThat(other.keyForDecryption(caseId)).contains(key);

        keys.destroy(caseId, "rita");

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(other.keyForDecryption(caseId)).as("still cached").contains(key);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(other.keyForDecryption(caseId)).isEmpty();
        assertThatThrownBy(() -> other.keyForEncryption(caseId)).isInstanceOf(DataKeyDestroyedException.class);
    }

    @Test
    void aForgottenKeyIsReadAgainAtOnce() {
        UUID caseId = UUID.randomUUID();
        keys.keyForEncryption(caseId);
        CaseDataKeyRing other = otherInstance(new AtomicLong());
        assertThat(other.keyForDecryption(caseId)).isPresent();
        keys.destroy(caseId, "rita");

        other.forget(caseId);

        assertThat(other.keyForDecryption(caseId)).isEmpty();
    }

    @Test
    void aWrappedKeyCopiedToAnotherCaseCannotBeUnwrapped() {
        UUID original = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        keys.keyForEncryption(original);
        jdbc.sql("""
                        INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                        SELECT ?, wrapped_key, master_key_id, created_at FROM case_data_key WHERE case_id = ?""")
                .params(copy, original).update();

        assertThatThrownBy(() -> keys.keyForDecryption(copy)).isInstanceOf(PhiDecryptionException.class)
                .hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void aKeyWrappedUnderAnotherMasterKeyIsNotUsed() {
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                        VALUES (?, ?, 'feedfacecafebeef', now())""")
                .params(caseId, new byte[60]).update();
        try {
            assertThatThrownBy(() -> keys.keyForDecryption(caseId)).isInstanceOf(PhiDecryptionException.class)
                    .hasMessageContaining("feedfacecafebeef").hasMessageContaining(masterKey.id());
        } finally {
            // Would refuse the next start of a service on this database (EncryptionStartupChecks).
            jdbc.sql("DELETE FROM case_data_key WHERE case_id = ?").param(caseId).update();
        }
    }

    @Test
    void aKeyCanOnlyBeDestroyedNeverRestoredOrReplaced() {
        UUID live = UUID.randomUUID();
        UUID destroyed = UUID.randomUUID();
        keys.keyForEncryption(live);
        keys.keyForEncryption(destroyed);
        keys.destroy(destroyed, "rita");

        refused(() -> jdbc.sql("UPDATE case_data_key SET wrapped_key = ?, destroyed_at = NULL, destroyed_by = NULL"
                + " WHERE case_id = ?").params(new byte[60], destroyed).update());
        refused(() -> jdbc.sql("UPDATE case_data_key SET wrapped_key = ? WHERE case_id = ?")
                .params(new byte[60], live).update());
        refused(() -> jdbc.sql("UPDATE case_data_key SET master_key_id = 'feedfacecafebeef' WHERE case_id = ?")
                .param(live).update());
        assertThat(keys.keyForDecryption(live)).isPresent();
    }

    private static void refused(Runnable statement) {
        assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((SQLException) ((DataAccessException) e).getMostSpecificCause())
                        .getSQLState()).isEqualTo("42501"));
    }

    @Test
    void keysCreatedAndDestroyedAreCountedWithoutCaseIds() {
        double createdBefore = meters.get(CaseDataKeyRing.METRIC_PREFIX + ".created").counter().count();
        double destroyedBefore = meters.get(CaseDataKeyRing.METRIC_PREFIX + ".destroyed").counter().count();
        UUID caseId = UUID.randomUUID();

        transactions.executeWithoutResult(status -> keys.keyForEncryption(caseId));
        keys.destroy(caseId, "rita");

        assertThat(meters.get(CaseDataKeyRing.METRIC_PREFIX + ".created").counter().count())
                .isGreaterThanOrEqualTo(createdBefore + 1);
        assertThat(meters.get(CaseDataKeyRing.METRIC_PREFIX + ".destroyed").counter().count())
                .isGreaterThanOrEqualTo(destroyedBefore + 1);
        assertThat(meters.getMeters()).map(Meter::getId)
                .filteredOn(id -> id.getName().startsWith("caserecord.encryption") || id.getName().startsWith("cache"))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id.getTags()).map(Tag::getValue)
                        .noneMatch(value -> value.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*")));
    }
}
