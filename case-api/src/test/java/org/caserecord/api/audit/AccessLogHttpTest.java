package org.caserecord.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every read of a case is logged before it is answered, and fails when it cannot be logged. */
@ApiTest
class AccessLogHttpTest {

    private final HttpApi api;
    private final JdbcClient jdbc;

    AccessLogHttpTest(HttpApi api, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    private String newCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        return caseId;
    }

    @Test
    void everyReadOfACaseIsLoggedWithWhoWhatAndTheOutcome() {
        Instant before = Instant.now();
        String caseId = newCase();
        api.as("ada").header("X-Request-Id", "read-1").get("/api/cases/" + caseId);
        api.as("grace").get("/api/cases/" + caseId + "/history?type=MeetingRecorded");
        api.as("ada").get("/api/cases/" + caseId + "?version=0");
        api.as("ada").get("/api/cases/" + caseId + "?asOf=" + Instant.now());
        api.as("ada").get("/api/cases/" + caseId + "?version=42");

        Response log = api.as("ida").get("/api/audit/access?caseId=" + caseId);

        assertThat(log.status()).isEqualTo(200);
        JsonNode entries = log.json().at("/entries");
        assertThat(log.texts("/entries", "action")).containsExactly("READ_CASE", "READ_HISTORY",
                "READ_CASE_AT_VERSION", "READ_CASE_AS_OF", "READ_CASE_AT_VERSION");
        assertThat(log.texts("/entries", "actor")).containsExactly("ada", "grace", "ada", "ada", "ada");
        assertThat(log.texts("/entries", "outcome")).containsExactly("SERVED", "SERVED", "SERVED", "SERVED",
                "NOT_FOUND");
        JsonNode first = entries.get(0);
        assertThat(first.at("/caseId").asString()).isEqualTo(caseId);
        assertThat(first.at("/status").asInt()).isEqualTo(200);
        assertThat(first.at("/requestId").asString()).isEqualTo("read-1");
        assertThat(first.at("/actorRoles/0").asString()).isEqualTo("CASE_MANAGER");
        assertThat(first.at("/resource").asString()).isEqualTo("GET /api/cases/" + caseId);
        assertThat(Instant.parse(first.at("/accessedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(entries.get(1).at("/resource").asString()).endsWith("/history?type=MeetingRecorded");
        assertThat(entries.get(4).at("/status").asInt()).isEqualTo(404);
        assertThat(log.body()).doesNotContain("Jordan");
    }

    @Test
    void theLogFiltersByUserAndTimeAndPages() {
        String caseId = newCase();
        api.as("ada").get("/api/cases/" + caseId);
        api.as("grace").get("/api/cases/" + caseId);
        api.as("grace").get("/api/cases/" + caseId + "/history");

        String path = "/api/audit/access?caseId=" + caseId;
        List<String> accessed = api.as("rita").get(path).texts("/entries", "accessedAt");
        Instant adasRead = Instant.parse(accessed.get(0));
        Instant gracesFirstRead = Instant.parse(accessed.get(1));
        assertThat(gracesFirstRead).isAfter(adasRead);
        assertThat(api.as("rita").get(path + "&user=grace").texts("/entries", "action"))
                .containsExactly("READ_CASE", "READ_HISTORY");
        assertThat(api.as("rita").get(path + "&to=" + adasRead).texts("/entries", "actor")).containsExactly("ada");
        assertThat(api.as("rita").get(path + "&from=" + gracesFirstRead).texts("/entries", "actor"))
                .containsExactly("grace", "grace");
        Response first = api.as("rita").get(path + "&limit=2");
        assertThat(first.texts("/entries", "actor")).containsExactly("ada", "grace");
        Response second = api.as("rita").get(path + "&limit=2&after=" + first.number("/nextAfter"));
        assertThat(second.texts("/entries", "actor")).containsExactly("grace");
        assertThat(second.text("/nextAfter")).isNull();
    }

    @Test
    void anEncodedPathIsLoggedAsTheCaseItReads() {
        String caseId = newCase();
        String shortForm = "/api/cases/" + caseId.substring(0, 9) + "0" + caseId.substring(9);

        assertThat(api.as("grace").get("/api/%63ases/" + caseId).status()).isEqualTo(200);
        assertThat(api.as("grace").get("/api/cases/" + caseId.toUpperCase() + "/history").status()).isEqualTo(200);
        api.as("grace").get(shortForm);

        Response log = api.as("ida").get("/api/audit/access?caseId=" + caseId + "&user=grace");
        assertThat(log.texts("/entries", "action")).startsWith("READ_CASE", "READ_HISTORY");
    }

    @Test
    void listsThatNameClientsAreLoggedOncePerCaseShown() {
        String first = newCase();
        String second = newCase();
        api.as("ada").post("/api/cases/" + first + "/disclosures", """
                {"recipient": {"name": "Dana Whitfield"}, "purpose": "LEGAL", "description": "summary",
                 "legalBasis": "subpoena 118", "disclosedOn": "2026-03-01"}""");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.as("rita")
                .get("/api/disclosures?from=2026-03-01&to=2026-03-01&actor=Jordan%20Rivera")
                .texts("/disclosures", "caseId")).contains(first));
        api.as("ada").get("/api/caseloads/ada?limit=200");

        Response firstLog = api.as("ida").get("/api/audit/access?caseId=" + first);
        assertThat(firstLog.texts("/entries", "action")).contains("READ_DISCLOSURE_ACCOUNTING", "READ_CASELOAD");
        assertThat(firstLog.body()).doesNotContain("Jordan").contains("from=2026-03-01&to=2026-03-01&actor=…");
        assertThat(api.as("ida").get("/api/audit/access?caseId=" + second).texts("/entries", "action"))
                .contains("READ_CASELOAD").doesNotContain("READ_DISCLOSURE_ACCOUNTING");
    }

    @Test
    void onlyAuditorsAndRecordsOfficersReadTheLog() {
        assertThat(api.as("ida").get("/api/audit/access").status()).isEqualTo(200);
        assertThat(api.as("rita").get("/api/audit/access").status()).isEqualTo(200);
        for (String user : new String[] {"ada", "grace", "bill"}) {
            Response refused = api.as(user).get("/api/audit/access");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.anonymous().get("/api/audit/access").status()).isEqualTo(401);
        assertThat(api.as("ida").get("/api/audit/access?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/access?limit=501").status()).isEqualTo(400);
    }

    @Test
    void aReadThatCannotBeLoggedFailsWithoutTheCase() {
        String caseId = newCase();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION access_log_unavailable() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$""").update();
        jdbc.sql("CREATE TRIGGER access_log_down BEFORE INSERT ON access_log "
                + "FOR EACH ROW EXECUTE FUNCTION access_log_unavailable()").update();
        Response refused;
        Response history;
        try {
            refused = api.as("ada").get("/api/cases/" + caseId);
            history = api.as("ada").get("/api/cases/" + caseId + "/history");
        } finally {
            jdbc.sql("DROP TRIGGER access_log_down ON access_log").update();
        }

        for (Response response : new Response[] {refused, history}) {
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("5");
            assertThat(response.header("ETag")).isNull();
            assertThat(response.body()).doesNotContain("Jordan").doesNotContain("housing").contains("access log");
        }
        Response served = api.as("ada").get("/api/cases/" + caseId);
        assertThat(served.status()).isEqualTo(200);
        assertThat(api.as("ida").get("/api/audit/access?caseId=" + caseId).texts("/entries", "outcome"))
                .containsExactly("SERVED");
    }
}
