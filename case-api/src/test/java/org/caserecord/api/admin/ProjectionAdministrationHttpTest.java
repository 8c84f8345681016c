package org.caserecord.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read-model status and replay, as a records officer uses them. */
@ApiTest
class ProjectionAdministrationHttpTest {

    private static final Duration REPLAY = Duration.ofSeconds(60);

    private final HttpApi api;

    ProjectionAdministrationHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void everyReadModelReportsWhereItStandsAgainstTheHeadOfTheStream() {
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").get(caseUrl).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response statuses = api.as("rita").get("/api/admin/projections");
            assertThat(statuses.status()).as(statuses.toString()).isEqualTo(200);
            assertThat(statuses.texts("", "name"))
                    .containsExactly("case-file", "caseload", "resource-directory", "audit-seal", "webhook-outbox");
            statuses.json().forEach(status -> {
                assertThat(status.at("/running").asBoolean()).isTrue();
                assertThat(status.at("/caughtUp").asBoolean()).isTrue();
                assertThat(status.at("/replaying").asBoolean()).isFalse();
                // initial-segment-count in application.yml: the sealer keeps the store's order in one;
                // the directory has few events and the webhook outbox needs no more than one
                assertThat(status.at("/segments").asInt()).isEqualTo(
                        status.at("/name").asString().matches("audit-seal|webhook-outbox|resource-directory") ? 1 : 2);
                assertThat(status.at("/position").asLong()).isEqualTo(status.at("/headPosition").asLong());
            });
        });
    }

    @Test
    void aReplayEmptiesTheReadModelAndRebuildsItFromEveryStoredEvent(@Autowired JdbcClient jdbc) {
        String caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").post(caseUrl + "/meetings", meeting()).status()).isEqualTo(201);
        Response before = api.as("ada").get(caseUrl);
        assertThat(before.status()).isEqualTo(200);
        // A row no event explains (as a bug or a hand edit would leave): the replay must drop it.
        UUID stray = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO case_file (case_id, version, status, client_name, client_date_of_birth, case_manager_id, opened_on,
                                       recorded_at, updated_at)
                VALUES (?, 0, 'OPEN', 'No such client', DATE '1990-01-01', 'ada', DATE '2020-01-01', now(), now())""")
                .param(stray).update();

        Response replay = api.as("rita").post("/api/admin/projections/case-file/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.text("/name")).isEqualTo("case-file");

        await().atMost(REPLAY).untilAsserted(() -> {
            Response status = api.as("rita").get("/api/admin/projections/case-file");
            assertThat(status.json().at("/replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.json().at("/caughtUp").asBoolean()).as(status.toString()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE case_id = ?").param(stray)
                .query(Long.class).single()).isZero();
        Response after = api.as("ada").get(caseUrl);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json()).isEqualTo(before.json());
        // Commands keep working on the rebuilt read model.
        assertThat(api.as("ada").post(caseUrl + "/meetings", meeting()).status()).isEqualTo(201);
        assertThat(api.as("ada").get(caseUrl).json().at("/meetings").size()).isEqualTo(2);
    }

    @Test
    void theResourceDirectoryIsRebuiltFromTheResourcesEvents() {
        String created = api.as("grace").post("/api/resources", """
                {"name": "Replayed Resource", "type": "LEGAL", "contact": "+1 555 0142"}""").text("/resourceId");
        api.as("grace").put("/api/resources/" + created, """
                {"name": "Replayed Legal Aid", "type": "LEGAL", "contact": "+1 555 0142"}""");
        Response before = api.as("ada").get("/api/resources/" + created);

        assertThat(api.as("rita").post("/api/admin/projections/resource-directory/replay", "").status())
                .isEqualTo(202);

        await().atMost(REPLAY).untilAsserted(() -> {
            Response status = api.as("rita").get("/api/admin/projections/resource-directory");
            assertThat(status.json().at("/replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.json().at("/caughtUp").asBoolean()).as(status.toString()).isTrue();
        });
        assertThat(api.as("ada").get("/api/resources/" + created).json()).isEqualTo(before.json());
    }

    @Test
    void reconciliationFindsACaseWhoseReadModelMissesAnEventItsProcessorHasPassed(@Autowired JdbcClient jdbc) {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).status()).isEqualTo(201);
        assertThat(api.as("ada").get("/api/cases/" + caseId).header("ETag")).isEqualTo("\"1\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response report = api.as("rita").get("/api/admin/projections/reconciliation");
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            assertThat(report.texts("", "readModel")).containsExactly("case-file", "caseload");
            report.json().forEach(model -> assertThat(model.at("/casesBehind").asLong()).as(model.toString()).isZero());
        });

        // As if the meeting had been lost by the case file: its row is one event behind.
        jdbc.sql("UPDATE case_file SET version = 0 WHERE case_id = ?::uuid").param(caseId).update();
        try {
            // Once every segment's stored position has passed the meeting.
            Response report = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.as("rita").get("/api/admin/projections/reconciliation"),
                            response -> response.json().get(0).at("/casesBehind").asLong() > 0);
            JsonNode caseFile = report.json().get(0);
            assertThat(caseFile.at("/readModel").asString()).isEqualTo("case-file");
            assertThat(caseFile.at("/casesBehind").asLong()).as(report.body()).isEqualTo(1);
            assertThat(caseFile.at("/behind/0/caseId").asString()).isEqualTo(caseId);
            assertThat(caseFile.at("/behind/0/projectedVersion").asLong()).isZero();
            assertThat(caseFile.at("/behind/0/storedVersion").asLong()).isEqualTo(1);
            assertThat(report.json().get(1).at("/casesBehind").asLong()).isZero();
            assertThat(api.as("rita").get("/actuator/prometheus").body())
                    .contains("caserecord_read_model_cases_behind{application=\"case-record-service\",readModel=\"case-file\"} 1.0")
                    .contains("caserecord_read_model_events_behind");
        } finally {
            jdbc.sql("UPDATE case_file SET version = 1 WHERE case_id = ?::uuid").param(caseId).update();
        }
        assertThat(api.as("ida").get("/api/admin/projections/reconciliation").status()).isEqualTo(403);
    }

    @Test
    void onlyRecordsOfficersAdministerProjections() {
        for (String user : new String[] {"ada", "grace", "ida", "bill"}) {
            Response replay = api.as(user).post("/api/admin/projections/caseload/replay", "");
            assertThat(replay.status()).as(user).isEqualTo(403);
            assertThat(replay.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.as(user).get("/api/admin/projections").status()).as(user).isEqualTo(403);
        }
        assertThat(api.anonymous().get("/api/admin/projections").status()).isEqualTo(401);
    }

    @Test
    void theSealsAreNeverReplayed() {
        Response replay = api.as("rita").post("/api/admin/projections/audit-seal/replay", "");

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.text("/type")).endsWith("replay-not-allowed");
        assertThat(api.as("rita").get("/api/admin/projections/audit-seal").text("/running")).isEqualTo("true");
    }

    @Test
    void theWebhookOutboxIsNeverReplayed() {
        Response replay = api.as("rita").post("/api/admin/projections/webhook-outbox/replay", "");

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.text("/type")).endsWith("replay-not-allowed");
        assertThat(api.as("rita").get("/api/admin/projections/webhook-outbox").text("/running")).isEqualTo("true");
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        Response replay = api.as("rita").post("/api/admin/projections/no-such-model/replay", "");

        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replay.text("/type")).endsWith("projection-not-found");
        assertThat(api.as("rita").get("/api/admin/projections/no-such-model").status()).isEqualTo(404);
    }
}
