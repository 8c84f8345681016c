package org.caserecord.api.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a child JVM by the restart test: starts the embedded database, commits a row, then
 * halts the JVM without running shutdown hooks, exactly as SIGKILL would leave things: the
 * PostgreSQL server still running on the data directory, the directory lock released.
 */
public final class KilledInstance {

    private KilledInstance() {
    }

    public static void main(String[] args) throws Exception {
        var properties = new EmbeddedPostgresProperties(Path.of(args[0]), 0, Duration.ofSeconds(60));
        var database = new EmbeddedPostgresConfiguration().embeddedDatabase(properties);
        try (Connection connection = database.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (id int); INSERT INTO acknowledged VALUES (7)");
        }
        Runtime.getRuntime().halt(0);
    }
}
