package org.caserecord.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the running service over real HTTP, against the embedded PostgreSQL (a real
 * server in a fresh data directory under target/). All such tests share one application
 * context, so they must not depend on the database being empty: each creates its own cases.
 * Test classes take an {@link HttpApi} in their constructor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Tests write one request at a time, so no write can still be in flight below a checkpoint.
// Webhook retries come quickly, so tests of failing receivers stay short.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caserecord.checkpoint-settle-time=0s",
                "caserecord.webhooks.poll-interval=100ms",
                "caserecord.webhooks.backoff-initial=50ms",
                "caserecord.webhooks.backoff-max=400ms",
                "caserecord.webhooks.connect-timeout=1s",
                "caserecord.webhooks.request-timeout=1s"})
@ContextConfiguration(initializers = TestDatabaseDirectory.class)
@ExtendWith(HttpApiResolver.class)
public @interface ApiTest {
}
