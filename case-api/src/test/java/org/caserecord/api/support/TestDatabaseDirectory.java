package org.caserecord.api.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points each test application context at its own embedded database on a free port. */
public class TestDatabaseDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDirectory = Path.of("target", "test-postgres", UUID.randomUUID().toString(), "postgres");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "caserecord.embedded-postgres.data-directory", dataDirectory.toString(),
                "caserecord.embedded-postgres.port", "0")));
    }
}
