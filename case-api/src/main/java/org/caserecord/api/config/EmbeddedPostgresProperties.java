package org.caserecord.api.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of local mode.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param port          TCP port on localhost; 0 picks a free one
 * @param startupWait   how long to wait for the server to accept connections
 */
@ConfigurationProperties("caserecord.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("15432") int port,
        @DefaultValue("60s") Duration startupWait) {
}
