package org.caserecord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Health, metrics and the API description, as operators and client developers use them. */
@ApiTest
class OperationsHttpTest {

    private final HttpApi api;


    OperationsHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void databaseSessionsBoundTheirStatementsAndIdleTransactions(@Autowired JdbcClient jdbc) {
        // Short transactions keep Axon's gap detection from skipping late commits (DESIGN.md).
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("30s");
        assertThat(jdbc.sql("SHOW idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("1min");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void healthIsPublicAndUp() {
        Response health = api.anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsIncludeAxonProcessorsAndNeedSignIn() {
        api.as("ada").post("/api/cases", openCase("ada"));

        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        // Processor meters appear once the processors have handled the event.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response metrics = api.as("ida").get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("processorName=\"case-file\"").contains("processorName=\"caseload\"")
                    .contains("commandBus");
        });
        assertThat(api.as("ida").get("/actuator/prometheus").body()).doesNotContain("Jordan");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        Response document = api.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().at("/paths").propertyNames()).contains(
                "/api/cases", "/api/cases/{caseId}", "/api/cases/{caseId}/meetings",
                "/api/cases/{caseId}/referrals", "/api/cases/{caseId}/referrals/{referralId}/outcome",
                "/api/cases/{caseId}/closure", "/api/cases/{caseId}/reopening", "/api/cases/{caseId}/history",
                "/api/caseloads/{caseManagerId}");
        assertThat(document.json().at("/paths/~1api~1cases~1{caseId}~1meetings/post/responses").propertyNames())
                .contains("201", "400", "401", "404", "409", "412", "413", "415", "422");
        assertThat(document.json().at("/paths/~1api~1cases~1{caseId}~1assessments/post/responses").propertyNames())
                .contains("201", "400", "404", "409", "412");
        assertThat(document.json().at("/paths").propertyNames()).contains("/api/cases/{caseId}/treatment-plan",
                "/api/cases/{caseId}/amendments", "/api/caseloads", "/api/dashboard");
        assertThat(document.body()).contains("Idempotency-Key", "If-Match", "application/problem+json");
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
