package org.caserecord.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A poison event: one case's case-file handler fails for real (a trigger the test puts on the
 * meetings table), its events are parked while other cases keep flowing, health and the gauge
 * show it, and a records officer's retry after the fix applies everything in order.
 */
@ApiTest
class DeadLetterHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration REPLAY = Duration.ofSeconds(60);
    /** The trigger's error names the client, as a real database error could: it must go nowhere. */
    private static final String CLIENT_IN_ERROR = "Jordan Rivera";

    private final HttpApi api;
    private final JdbcClient jdbc;

    DeadLetterHttpTest(HttpApi api, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    @Test
    void aFailingCaseIsParkedWhileOthersFlowAndARetryAfterTheFixAppliesItInOrder() {
        String poisoned = newCase();
        String healthy = newCase();
        Instant firstMeeting = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        poison(poisoned);
        try {
            assertThat(api.as("ada").post(casePath(poisoned) + "/meetings", meeting(firstMeeting, 30)).status())
                    .isEqualTo(201);
            assertThat(api.as("ada").post(casePath(healthy) + "/meetings", meeting(firstMeeting, 40)).status())
                    .isEqualTo(201);
            // Queued behind the failed one, never handled out of order.
            assertThat(api.as("ada").post(casePath(poisoned) + "/meetings",
                    meeting(firstMeeting.plus(1, ChronoUnit.HOURS), 50)).status()).isEqualTo(201);

            // Other cases keep flowing.
            assertThat(api.as("ada").get(casePath(healthy)).texts("/meetings", "durationMinutes"))
                    .containsExactly("40");
            await().atMost(DEADLINE).untilAsserted(() ->
                    assertThat(parked(poisoned)).as(api.as("rita").get("/api/admin/dead-letters").toString())
                            .hasSize(2));

            Response listing = api.as("rita").get("/api/admin/dead-letters");
            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.body()).doesNotContain(CLIENT_IN_ERROR).doesNotContain("housing");
            JsonNode caseFile = group(listing, "case-file");
            assertThat(caseFile.at("/sequences").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(caseFile.at("/letters").asLong()).isGreaterThanOrEqualTo(2);
            var letters = parked(poisoned);
            assertThat(letters.get(0).at("/eventType").asString()).isEqualTo("MeetingRecorded");
            assertThat(letters.get(0).at("/sequenceNumber").asLong()).isEqualTo(1);
            assertThat(letters.get(0).at("/causeType").asString()).isNotBlank().doesNotContain(CLIENT_IN_ERROR);
            assertThat(letters.get(0).at("/retries").asInt()).isZero();
            assertThat(letters.get(0).at("/enqueuedAt").asString()).isNotBlank();
            assertThat(letters.get(1).at("/sequenceNumber").asLong()).isEqualTo(2);
            assertThat(letters.get(1).at("/causeType").isNull()).isTrue();
            // Nothing of the message is stored either, and the failed handler left nothing behind.
            assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE cause_message LIKE ?")
                    .param("%" + CLIENT_IN_ERROR + "%").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT version FROM case_file WHERE case_id = ?").param(UUID.fromString(poisoned))
                    .query(Long.class).single()).isZero();
            assertThat(group(api.as("rita").get("/api/admin/dead-letters"), "caseload").at("/letters").asLong())
                    .isZero();

            Response health = api.as("rita").get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.text("/status")).isEqualTo("DEGRADED");
            assertThat(health.text("/components/deadLetters/status")).isEqualTo("DEGRADED");
            assertThat(health.json().at("/components/deadLetters/details/letters/case-file").asLong())
                    .isEqualTo(caseFile.at("/letters").asLong());
            Response publicHealth = api.anonymous().get("/actuator/health");
            assertThat(publicHealth.status()).isEqualTo(200);
            assertThat(publicHealth.text("/status")).isEqualTo("DEGRADED");
            assertThat(publicHealth.json().at("/components").isMissingNode()).isTrue();
            Response readiness = api.anonymous().get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.text("/status")).isEqualTo("UP");
            assertThat(gauge("case-file")).isEqualTo(caseFile.at("/letters").asLong());
        } finally {
            cure();
        }

        Response retry = api.as("rita").post("/api/admin/dead-letters/case-file/retry?caseId=" + poisoned, "");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().at("/retried").asInt()).isEqualTo(1);
        assertThat(retry.json().at("/cleared").asInt()).isEqualTo(1);
        assertThat(retry.json().at("/remaining").asLong()).isZero();
        assertThat(api.as("ada").get(casePath(poisoned)).texts("/meetings", "durationMinutes"))
                .containsExactly("30", "50");
        assertThat(parked(poisoned)).isEmpty();
        assertThat(gauge("case-file")).isZero();
        Response health = api.as("rita").get("/actuator/health");
        assertThat(health.text("/status")).as(health.toString()).isEqualTo("UP");
        assertThat(health.text("/components/deadLetters/status")).isEqualTo("UP");
    }

    @Test
    void aRetryBeforeTheFixKeepsTheEventParkedAndCountsTheAttempt() {
        String poisoned = newCase();
        poison(poisoned);
        try {
            assertThat(api.as("ada").post(casePath(poisoned) + "/meetings", meeting()).status()).isEqualTo(201);
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(parked(poisoned)).hasSize(1));

            Response retry = api.as("rita").post("/api/admin/dead-letters/case-file/retry", "");

            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(retry.json().at("/retried").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(retry.json().at("/cleared").asInt()).isZero();
            assertThat(retry.json().at("/remaining").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(parked(poisoned).get(0).at("/retries").asInt()).isEqualTo(1);
        } finally {
            cure();
        }
        Response retry = api.as("rita").post("/api/admin/dead-letters/case-file/retry", "");
        assertThat(retry.json().at("/cleared").asInt()).as(retry.toString()).isEqualTo(1);
        assertThat(parked(poisoned)).isEmpty();
        assertThat(api.as("ada").get(casePath(poisoned)).json().at("/meetings").size()).isEqualTo(1);
    }

    @Test
    void aReplayClearsTheParkedEventsAndRebuildsTheCase() {
        String poisoned = newCase();
        poison(poisoned);
        try {
            assertThat(api.as("ada").post(casePath(poisoned) + "/meetings", meeting()).status()).isEqualTo(201);
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(parked(poisoned)).hasSize(1));
        } finally {
            cure();
        }

        assertThat(api.as("rita").post("/api/admin/projections/case-file/replay", "").status()).isEqualTo(202);

        await().atMost(REPLAY).untilAsserted(() -> {
            Response status = api.as("rita").get("/api/admin/projections/case-file");
            assertThat(status.json().at("/replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.json().at("/caughtUp").asBoolean()).as(status.toString()).isTrue();
        });
        assertThat(parked(poisoned)).isEmpty();
        assertThat(group(api.as("rita").get("/api/admin/dead-letters"), "case-file").at("/letters").asLong()).isZero();
        assertThat(api.as("ada").get(casePath(poisoned)).json().at("/meetings").size()).isEqualTo(1);
    }

    @Test
    void onlyRecordsOfficersSeeAndRetryParkedEvents() {
        for (String user : new String[] {"ada", "grace", "ida", "bill"}) {
            Response retry = api.as(user).post("/api/admin/dead-letters/case-file/retry", "");
            assertThat(retry.status()).as(user).isEqualTo(403);
            assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.as(user).get("/api/admin/dead-letters").status()).as(user).isEqualTo(403);
        }
        assertThat(api.anonymous().get("/api/admin/dead-letters").status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/admin/dead-letters/case-file/retry", "").status()).isEqualTo(401);
    }

    @Test
    void aProcessorWithoutADeadLetterQueueIsNotFound() {
        for (String group : new String[] {"no-such-model", "audit-seal", "webhook-outbox"}) {
            Response retry = api.as("rita").post("/api/admin/dead-letters/" + group + "/retry", "");
            assertThat(retry.status()).as(group).isEqualTo(404);
            assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
            assertThat(retry.text("/type")).endsWith("dead-letter-queue-not-found");
        }
        Response badCase = api.as("rita").post("/api/admin/dead-letters/case-file/retry?caseId=not-a-uuid", "");
        assertThat(badCase.status()).isEqualTo(400);
        assertThat(badCase.header("Content-Type")).startsWith("application/problem+json");
    }

    private String newCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").get(casePath(caseId)).status()).isEqualTo(200);
        return caseId;
    }

    private static String casePath(String caseId) {
        return "/api/cases/" + caseId;
    }

    /** The fault: inserting a meeting of this case fails, with an error that names the client. */
    private void poison(String caseId) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION dead_letter_test_poison() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'no meetings for client Jordan Rivera'; END; $$""").update();
        jdbc.sql("CREATE TRIGGER dead_letter_test_poison BEFORE INSERT ON case_file_meeting FOR EACH ROW "
                + "WHEN (NEW.case_id = '" + UUID.fromString(caseId) + "') EXECUTE FUNCTION dead_letter_test_poison()")
                .update();
    }

    /** The fix. */
    private void cure() {
        jdbc.sql("DROP TRIGGER IF EXISTS dead_letter_test_poison ON case_file_meeting").update();
        jdbc.sql("DROP FUNCTION IF EXISTS dead_letter_test_poison()").update();
    }

    private java.util.List<JsonNode> parked(String caseId) {
        Response listing = api.as("rita").get("/api/admin/dead-letters");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        java.util.List<JsonNode> letters = new java.util.ArrayList<>();
        for (JsonNode group : listing.json()) {
            for (JsonNode letter : group.at("/parked")) {
                if (caseId.equals(letter.at("/caseId").asString())) {
                    letters.add(letter);
                }
            }
        }
        return letters;
    }

    private static JsonNode group(Response listing, String name) {
        for (JsonNode group : listing.json()) {
            if (name.equals(group.at("/processingGroup").asString())) {
                return group;
            }
        }
        throw new AssertionError("No group " + name + " in " + listing);
    }

    private long gauge(String group) {
        String metrics = api.as("ida").get("/actuator/prometheus").body();
        var sample = Pattern.compile("caserecord_dead_letters\\{[^}]*processingGroup=\"" + Pattern.quote(group)
                + "\"[^}]*} ([0-9.]+)").matcher(metrics);
        assertThat(sample.find()).as(metrics).isTrue();
        return (long) Double.parseDouble(sample.group(1));
    }
}
