package org.caserecord.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production's two database roles (deploy/DATABASE.md): Flyway migrates as the owner, the
 * service connects as an application role that owns nothing and gets its privileges from the
 * afterMigrate callback. Privileges alone, with the append-only triggers disabled, keep that
 * role from changing or removing a stored event.
 */
class DatabasePrivilegesTest {

    private static final String OWNER = "caserecord_owner";
    private static final String APP = "caserecord_app";
    private static final String DATABASE = "caserecord";
    private static final List<String> READ_WRITE = List.of("DELETE", "INSERT", "SELECT", "TRUNCATE", "UPDATE");
    private static final List<String> APPEND_ONLY = List.of("INSERT", "SELECT");

    private static EmbeddedPostgres server;
    private static JdbcClient owner;
    private static JdbcClient app;

    @BeforeAll
    static void migrateAsOwner() throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "test-postgres"));
        server = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(directory, "privileges-"))
                .setCleanDataDirectory(true)
                .start();
        // As deploy/postgres-init does it for docker compose.
        JdbcClient superuser = JdbcClient.create(server.getPostgresDatabase());
        superuser.sql("CREATE ROLE " + OWNER + " LOGIN").update();
        superuser.sql("CREATE ROLE " + APP + " LOGIN").update();
        superuser.sql("CREATE DATABASE " + DATABASE + " OWNER " + OWNER).update();
        superuser.sql("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC").update();
        superuser.sql("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP).update();
        owner = JdbcClient.create(server.getDatabase(OWNER, DATABASE));
        app = JdbcClient.create(server.getDatabase(APP, DATABASE));

        migrate(APP);
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        // The server is this class's own: its data directory, with the database and roles, is deleted.
        server.close();
    }

    private static MigrateResult migrate(String appRole) {
        return Flyway.configure()
                .dataSource(server.getDatabase(OWNER, DATABASE))
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", appRole))
                .load()
                .migrate();
    }

    private static String appendedEvent() {
        String caseId = UUID.randomUUID().toString();
        app.sql("""
                        INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp,
                                                        aggregate_identifier, sequence_number, type)
                        VALUES (?, convert_to('opened', 'UTF8'), 'CaseOpened', ?, ?, 0, 'CaseFile')""")
                .params(UUID.randomUUID().toString(), Instant.now().toString(), caseId)
                .update();
        return caseId;
    }

    private static List<String> storedEvents(String caseId) {
        return app.sql("""
                        SELECT sequence_number || ' ' || encode(sha256(payload), 'hex')
                          FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(caseId).query(String.class).list();
    }

    private static List<String> privilegesOfApp(String table) {
        return owner.sql("""
                        SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                                   'REFERENCES', 'TRIGGER']) AS p
                         WHERE has_table_privilege(?, ?, p) ORDER BY p""")
                .params(APP, table).query(String.class).list();
    }

    /** Every table privilege granted to the application role, as "table privilege". */
    private static List<String> grantsToApp() {
        return owner.sql("""
                        SELECT table_schema || '.' || table_name || ' ' || privilege_type
                          FROM information_schema.table_privileges
                         WHERE grantee = ? ORDER BY 1""")
                .param(APP).query(String.class).list();
    }

    private static void refused(Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((SQLException) ((DataAccessException) e).getMostSpecificCause())
                        .getSQLState()).isEqualTo("42501"));
    }

    @Test
    void applicationRoleAppendsAndReadsEvents() {
        String caseId = appendedEvent();

        assertThat(storedEvents(caseId)).hasSize(1);
    }

    @Test
    void applicationRoleCannotChooseAnEventsGlobalIndex() {
        // A row placed behind the sealer's position would be read with its case but never sealed.
        refused(() -> app.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type,
                                                        time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (-7, ?, convert_to('forged', 'UTF8'), 'CaseOpened', ?, ?, 0, 'CaseFile')""")
                .params(UUID.randomUUID().toString(), Instant.now().toString(), UUID.randomUUID().toString())
                .update());
    }

    @Test
    void privilegesAloneStopTheApplicationRoleFromChangingEvents() {
        String caseId = appendedEvent();
        List<String> before = storedEvents(caseId);
        owner.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER USER").update();
        try {
            assertThat(owner.sql("""
                            SELECT count(*) FROM pg_trigger
                             WHERE tgrelid = 'domain_event_entry'::regclass AND NOT tgisinternal AND tgenabled <> 'D'""")
                    .query(Long.class).single()).isZero();

            refused(() -> app.sql("UPDATE domain_event_entry SET payload = convert_to('forged', 'UTF8') "
                    + "WHERE aggregate_identifier = ?").param(caseId).update());
            refused(() -> app.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?").param(caseId).update());
            refused(() -> app.sql("TRUNCATE domain_event_entry").update());
        } finally {
            owner.sql("ALTER TABLE domain_event_entry ENABLE TRIGGER USER").update();
        }

        assertThat(storedEvents(caseId)).isEqualTo(before);
    }

    @Test
    void applicationRoleCannotDisableTheTriggersOrChangeTheSchema() {
        refused(() -> app.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER USER").update());
        refused(() -> app.sql("DROP TRIGGER domain_event_entry_append_only ON domain_event_entry").update());
        refused(() -> app.sql("CREATE TABLE forged_event_entry (payload bytea)").update());
    }

    @Test
    void noAppendOnlyTableCanBeChangedByTheApplicationRole() {
        List<String> appendOnlyTables = owner.sql("""
                        SELECT t FROM unnest(ARRAY['domain_event_entry', 'event_seal', 'access_log']) AS t
                         WHERE to_regclass(t) IS NOT NULL""")
                .query(String.class).list();

        assertThat(appendOnlyTables).containsExactlyInAnyOrder("domain_event_entry", "event_seal", "access_log");
        // The event table's INSERT is granted per column (all but global_index); the others' whole.
        assertThat(privilegesOfApp("domain_event_entry")).containsExactly("SELECT");
        assertThat(List.of("event_seal", "access_log"))
                .allSatisfy(table -> assertThat(privilegesOfApp(table)).isEqualTo(APPEND_ONLY));
    }

    @Test
    void applicationRoleWritesAndRebuildsTheReadModels() {
        UUID caseId = UUID.randomUUID();
        app.sql("""
                        INSERT INTO case_file (case_id, version, status, client_name, client_date_of_birth,
                                               case_manager_id, opened_on, recorded_at, updated_at)
                        VALUES (?, 0, 'OPEN', 'Client', ?, 'ada', ?, now(), now())""")
                .params(caseId, LocalDate.of(1990, 1, 1), LocalDate.of(2025, 1, 1)).update();
        assertThat(app.sql("UPDATE case_file SET status = 'CLOSED', version = 1 WHERE case_id = ?")
                .param(caseId).update()).isEqualTo(1);
        app.sql("INSERT INTO token_entry (processor_name, segment) VALUES ('privileges-test', 0)").update();
        assertThat(app.sql("UPDATE token_entry SET owner = 'node-1' WHERE processor_name = 'privileges-test'")
                .update()).isEqualTo(1);
        assertThat(app.sql("SELECT status FROM reporting.cases WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("CLOSED");

        // What the projections' reset handlers do before a replay.
        app.sql("TRUNCATE case_file CASCADE").update();

        assertThat(app.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isZero();
        assertThat(privilegesOfApp("idempotency_record")).isEqualTo(READ_WRITE);
        assertThat(privilegesOfApp("snapshot_event_entry")).isEqualTo(READ_WRITE);
    }

    @Test
    void applicationRoleCreatesAndDestroysDataKeysButNeverRemovesOrRewritesThem() {
        UUID caseId = UUID.randomUUID();
        app.sql("""
                        INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                        VALUES (?, ?, '0123456789abcdef', now())""")
                .params(caseId, new byte[60]).update();
        owner.sql("ALTER TABLE case_data_key DISABLE TRIGGER USER").update();
        try {
            // Privileges alone: only the columns a destruction sets may be updated, nothing removed.
            refused(() -> app.sql("UPDATE case_data_key SET master_key_id = 'feedfacecafebeef' WHERE case_id = ?")
                    .param(caseId).update());
            refused(() -> app.sql("UPDATE case_data_key SET case_id = gen_random_uuid() WHERE case_id = ?")
                    .param(caseId).update());
            refused(() -> app.sql("DELETE FROM case_data_key WHERE case_id = ?").param(caseId).update());
            refused(() -> app.sql("TRUNCATE case_data_key").update());
        } finally {
            owner.sql("ALTER TABLE case_data_key ENABLE TRIGGER USER").update();
        }

        assertThat(app.sql("""
                        UPDATE case_data_key SET wrapped_key = NULL, destroyed_at = now(), destroyed_by = 'rita'
                         WHERE case_id = ? AND wrapped_key IS NOT NULL""")
                .param(caseId).update()).isEqualTo(1);
        // The trigger: a destroyed key cannot be put back.
        refused(() -> app.sql("UPDATE case_data_key SET wrapped_key = ?, destroyed_at = NULL, destroyed_by = NULL"
                + " WHERE case_id = ?").params(new byte[60], caseId).update());
        // UPDATE is granted per column (the three a destruction sets), so not on the whole table.
        assertThat(privilegesOfApp("case_data_key")).containsExactly("INSERT", "SELECT");
        assertThat(owner.sql("""
                        SELECT column_name FROM information_schema.column_privileges
                         WHERE grantee = ? AND table_name = 'case_data_key' AND privilege_type = 'UPDATE'
                         ORDER BY column_name""")
                .param(APP).query(String.class).list()).containsExactly("destroyed_at", "destroyed_by", "wrapped_key");
    }

    @Test
    void applicationRoleOnlyReadsTheMigrationHistory() {
        assertThat(app.sql("SELECT count(*) FROM flyway_schema_history").query(Long.class).single()).isPositive();
        assertThat(privilegesOfApp("flyway_schema_history")).containsExactly("SELECT");
        refused(() -> app.sql("DELETE FROM flyway_schema_history").update());
    }

    @Test
    void everyMigrateGrantsTheSamePrivilegesAgain() {
        List<String> before = grantsToApp();

        MigrateResult again = migrate(APP);

        assertThat(again.migrationsExecuted).isZero();
        assertThat(grantsToApp()).isEqualTo(before)
                .contains("public.event_seal INSERT", "public.case_file UPDATE", "reporting.cases SELECT",
                        "public.case_data_key INSERT")
                .doesNotContain("public.domain_event_entry UPDATE", "public.flyway_schema_history INSERT",
                        "public.case_data_key DELETE", "public.case_data_key UPDATE");
    }

    @Test
    void tablesAddedLaterAreGrantedOnTheNextMigrate() {
        owner.sql("CREATE TABLE later_read_model (id bigint)").update();
        try {
            assertThat(privilegesOfApp("later_read_model")).isEmpty();

            migrate(APP);

            assertThat(privilegesOfApp("later_read_model")).isEqualTo(READ_WRITE);
        } finally {
            owner.sql("DROP TABLE later_read_model").update();
        }
    }

    @Test
    void withoutAnApplicationRoleTheCallbackGrantsNothing() {
        owner.sql("CREATE TABLE local_mode_table (id bigint)").update();
        try {
            migrate("");

            assertThat(privilegesOfApp("local_mode_table")).isEmpty();
        } finally {
            owner.sql("DROP TABLE local_mode_table").update();
        }
    }

    @Test
    void theMigratingRoleCannotBeTheApplicationRole() {
        assertThatThrownBy(() -> migrate(OWNER))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("must not be a superuser, the migrating role");
    }
}
