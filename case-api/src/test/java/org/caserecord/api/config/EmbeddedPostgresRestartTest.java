package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.caserecord.api.config.EmbeddedPostgresConfiguration.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

/**
 * The embedded database across restarts. A service killed with SIGKILL leaves its
 * PostgreSQL server running and releases its directory lock (the OS drops the lock with
 * the process); {@link KilledInstance} reproduces that in a child JVM.
 */
class EmbeddedPostgresRestartTest {

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    private static EmbeddedPostgresProperties propertiesFor(Path dataDirectory) {
        return new EmbeddedPostgresProperties(dataDirectory, 0, Duration.ofSeconds(60));
    }

    private static Path newDataDirectory() throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-postgres")), "restart-")
                .resolve("postgres");
    }

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path dataDirectory = newDataDirectory();
        try (EmbeddedDatabase first = configuration.embeddedDatabase(propertiesFor(dataDirectory))) {
            execute(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedDatabase second = configuration.embeddedDatabase(propertiesFor(dataDirectory))) {
            assertThat(queryInt(second, "SELECT id FROM kept")).isEqualTo(42);
        }
    }

    @Test
    void aServerLeftRunningByAKilledInstanceIsStoppedAndTheNextStartSucceeds() throws Exception {
        Path dataDirectory = newDataDirectory();
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledInstance.class.getName(), dataDirectory.toString())
                .inheritIO()
                .start();
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long orphanPid = postmasterPid(dataDirectory);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase restarted = configuration.embeddedDatabase(propertiesFor(dataDirectory))) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(postmasterPid(dataDirectory)).isNotEqualTo(orphanPid);
            assertThat(queryInt(restarted, "SELECT id FROM acknowledged")).isEqualTo(7);
        }
    }

    @Test
    void aSecondLiveInstanceOnTheSameDataDirectoryIsRefused() throws Exception {
        Path dataDirectory = newDataDirectory();
        try (EmbeddedDatabase running = configuration.embeddedDatabase(propertiesFor(dataDirectory))) {
            assertThatThrownBy(() -> configuration.embeddedDatabase(propertiesFor(dataDirectory)))
                    .hasMessageContaining("Another running instance");
            assertThat(queryInt(running, "SELECT 1")).isEqualTo(1);
        }
    }

    private static long postmasterPid(Path dataDirectory) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    private static void execute(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = database.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = database.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
