package org.caserecord.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caserecord.api.CaseRecordApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The start-up checks against stores the service must not serve: cases stored in plaintext before
 * encryption existed, and data keys wrapped under another master key. Each test has its own
 * database on a server of this class's own, never the shared test database.
 */
class EncryptionStartupChecksTest {

    private static final String MASTER_KEY = MasterKey.generateBase64();
    private static final String CLIENT_NAME = "Hieronymus Plaintext-Legacy";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "test-postgres"));
        server = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(directory, "encryption-checks-"))
                .setCleanDataDirectory(true)
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    /** A new, empty database migrated up to the given version (null: all of them). */
    private static DataSource database(String migratedUpTo) {
        String name = "store_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(server.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        DataSource dataSource = server.getDatabase("postgres", name);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("appRole", ""));
        if (migratedUpTo != null) {
            flyway.target(migratedUpTo);
        }
        flyway.load().migrate();
        return dataSource;
    }

    private static String jdbcUrl(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID caseOpenedInPlaintext(JdbcClient jdbc) {
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp,
                                                        aggregate_identifier, sequence_number, type)
                        VALUES (?, convert_to(?, 'UTF8'), ?, ?, ?, 0, 'CaseFile')""")
                .params(UUID.randomUUID().toString(),
                        "{\"caseId\":\"" + caseId + "\",\"client\":{\"name\":\"" + CLIENT_NAME + "\"}}",
                        EncryptionStartupChecks.CASE_OPENED, Instant.now().toString(), caseId.toString())
                .update();
        return caseId;
    }

    private static void keyFor(JdbcClient jdbc, UUID caseId, String masterKeyId, boolean destroyed) {
        jdbc.sql("""
                        INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at, destroyed_at,
                                                   destroyed_by)
                        VALUES (?, ?, ?, now(), ?, ?)""")
                .params(caseId, destroyed ? null : new byte[60], masterKeyId,
                        destroyed ? java.sql.Timestamp.from(Instant.now()) : null, destroyed ? "rita" : null)
                .update();
    }

    @Test
    void aServiceOnAStoreWrittenBeforeEncryptionRefusesToStart() {
        DataSource legacy = database("16");
        UUID caseId = caseOpenedInPlaintext(JdbcClient.create(legacy));

        assertThatThrownBy(() -> new SpringApplicationBuilder(CaseRecordApplication.class)
                .properties("spring.datasource.url=" + jdbcUrl(legacy), "spring.datasource.username=postgres",
                        "server.port=0", "caserecord.security.accounts[0].id=carol",
                        "caserecord.security.accounts[0].roles[0]=SUPERVISOR",
                        "caserecord.security.accounts[0].password-hash=" + new BCryptPasswordEncoder(4).encode("x"),
                        "spring.config.import=optional:file:/nonexistent/accounts.yml")
                // An argument: application.yml's own entry (from CASERECORD_MASTER_KEY) outranks default properties.
                .run("--caserecord.encryption.master-key=" + MASTER_KEY).close())
                .hasStackTraceContaining("personal data was stored in plaintext")
                .hasStackTraceContaining(caseId.toString())
                .hasStackTraceContaining("delete the data directory")
                .satisfies(e -> assertThat(e).hasStackTraceContaining("docs/encryption.md"));
        // Flyway ran (V17), the check refused: the store is left as it was, nothing was served.
        assertThat(JdbcClient.create(legacy).sql("SELECT count(*) FROM case_data_key").query(Long.class).single())
                .isZero();
    }

    @Test
    void aCaseOpenedWithoutADataKeyIsFoundAndOneWithItsKeyIsNot() {
        JdbcClient jdbc = JdbcClient.create(database(null));
        MasterKey masterKey = MasterKey.fromBase64(MASTER_KEY, "test");
        EncryptionStartupChecks checks = new EncryptionStartupChecks(jdbc, masterKey);
        assertThatNoException().isThrownBy(checks::afterSingletonsInstantiated);

        UUID caseId = caseOpenedInPlaintext(jdbc);

        assertThatThrownBy(checks::checkNoCaseWithoutKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(caseId.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CLIENT_NAME));
        keyFor(jdbc, caseId, masterKey.id(), false);
        assertThatNoException().isThrownBy(checks::afterSingletonsInstantiated);
    }

    @Test
    void keysWrappedUnderAnotherMasterKeyRefuseStartUp() {
        JdbcClient jdbc = JdbcClient.create(database(null));
        MasterKey masterKey = MasterKey.fromBase64(MASTER_KEY, "test");
        EncryptionStartupChecks checks = new EncryptionStartupChecks(jdbc, masterKey);
        keyFor(jdbc, UUID.randomUUID(), masterKey.id(), false);
        // A destroyed key protects nothing any more, whichever key once wrapped it.
        keyFor(jdbc, UUID.randomUUID(), "0123456789abcdef", true);
        assertThatNoException().isThrownBy(checks::checkMasterKey);

        keyFor(jdbc, UUID.randomUUID(), "0123456789abcdef", false);

        assertThatThrownBy(checks::checkMasterKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0123456789abcdef")
                .hasMessageContaining(masterKey.id())
                .hasMessageContaining("CASERECORD_MASTER_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(MASTER_KEY));
    }

    @Test
    void findingCasesWithoutAKeyReadsTheIndexOfCaseOpeningsNotTheEventTable() {
        JdbcClient jdbc = JdbcClient.create(database(null));
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp,
                                                        aggregate_identifier, sequence_number, type)
                        SELECT gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                               CASE WHEN n % 100 = 0 THEN ? ELSE 'org.caserecord.domain.events.MeetingRecorded' END,
                               now()::text, md5((n / 100)::text)::uuid::text, n % 100, 'CaseFile'
                          FROM generate_series(0, 49999) AS n""")
                .param(EncryptionStartupChecks.CASE_OPENED).update();
        jdbc.sql("""
                        INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                        SELECT md5(n::text)::uuid, '\\x00'::bytea, '0123456789abcdef', now()
                          FROM generate_series(0, 499) AS n""").update();
        jdbc.sql("ANALYZE domain_event_entry").update();
        jdbc.sql("ANALYZE case_data_key").update();

        List<String> plan = jdbc.sql("EXPLAIN " + EncryptionStartupChecks.CASES_WITHOUT_KEY)
                .param("caseOpened", EncryptionStartupChecks.CASE_OPENED).query(String.class).list();

        assertThat(String.join("\n", plan)).contains("ix_domain_event_entry_case_opened")
                .doesNotContain("Seq Scan on domain_event_entry");
    }
}
