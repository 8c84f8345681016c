package org.caserecord.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.referral;

import java.time.Duration;
import java.time.Instant;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix of the README, cell by cell: a case manager reaches only their own cases (any
 * other answers 404 exactly like a case that does not exist), supervisors read and write every
 * case, auditors read everything and write nothing, billing gets the billing view only, records
 * officers disclose and export.
 */
@ApiTest
class AccessControlHttpTest {

    private static final String NO_SUCH_CASE = "/api/cases/00000000-0000-0000-0000-00000000dead";
    private static final String DISCLOSURE = """
            {"recipient": {"name": "Dana Whitfield"}, "purpose": "LEGAL", "description": "summary",
             "legalBasis": "subpoena 118", "disclosedOn": "2026-03-01"}""";
    private static final String EXPORT = """
            {"recipient": {"name": "Dana Whitfield"}, "purpose": "TRANSFER_OF_CARE", "format": "JSON"}""";

    private final HttpApi api;

    AccessControlHttpTest(HttpApi api) {
        this.api = api;
    }

    /** Ada's case with a meeting, an export and a disclosure; returns its path. */
    private String adasCase() {
        String path = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("ada").post(path + "/meetings", meeting()).status()).isEqualTo(201);
        return path;
    }

    private static void assertLooksLikeNoSuchCase(Response response, Response reference) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        for (String field : new String[] {"/type", "/title", "/detail", "/code"}) {
            assertThat(response.json().at(field)).as(field).isEqualTo(reference.json().at(field));
        }
    }

    @Test
    void anotherManagersCaseIsNotFoundEverywhereExactlyLikeNoCase() {
        String path = adasCase();
        String meetingId = api.as("ada").get(path).text("/meetings/0/meetingId");
        String export = api.as("ada").post(path + "/exports", EXPORT).header("Location");
        Response reference = api.as("ben").get(NO_SUCH_CASE);

        for (String read : new String[] {path, path + "/history", path + "?version=0", path + "?asOf=" + Instant.now(),
                path + "/meetings/" + meetingId, path + "/disclosures", export}) {
            assertLooksLikeNoSuchCase(api.as("ben").get(read), reference);
        }
        assertLooksLikeNoSuchCase(api.as("ben").post(path + "/meetings", meeting()), reference);
        assertLooksLikeNoSuchCase(api.as("ben").post(path + "/referrals", referral()), reference);
        assertLooksLikeNoSuchCase(api.as("ben").post(path + "/closure", closure()), reference);
        assertLooksLikeNoSuchCase(api.as("ben").post(path + "/exports", EXPORT), reference);
        assertLooksLikeNoSuchCase(api.as("ben").post(path + "/disclosures", DISCLOSURE), reference);
        assertThat(api.as("ada").get(path).number("/version")).isEqualTo(2);
    }

    @Test
    void aManagerSeesOnlyTheirOwnCaseload() {
        String path = adasCase();
        String caseId = path.substring(path.lastIndexOf('/') + 1);

        assertThat(api.as("ben").get("/api/caseloads/ada").status()).isEqualTo(404);
        assertThat(api.as("ben").get("/api/caseloads/ben").texts("/cases", "caseId")).doesNotContain(caseId);
        assertThat(api.as("ada").get("/api/caseloads/ada?limit=200").texts("/cases", "caseId")).contains(caseId);
        assertThat(api.as("ben").get("/api/caseloads").status()).isEqualTo(403);
        assertThat(api.as("grace").get("/api/caseloads/ada?limit=200").status()).isEqualTo(200);
        assertThat(api.as("ida").get("/api/caseloads").status()).isEqualTo(200);
        assertThat(api.as("bill").get("/api/caseloads/ada").status()).isEqualTo(403);
        assertThat(api.as("rita").get("/api/caseloads").status()).isEqualTo(403);
    }

    @Test
    void onlyASupervisorAssignsACaseToSomeoneElse() {
        Response refused = api.as("ada").post("/api/cases", openCase("ben"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/type")).endsWith("assignment-not-allowed");

        String path = "/api/cases/" + api.as("grace").post("/api/cases", openCase("ben")).text("/caseId");
        assertThat(api.as("ben").get(path).status()).isEqualTo(200);
        assertThat(api.as("ada").get(path).status()).isEqualTo(404);

        assertThat(api.as("ben").post(path + "/reassignment", """
                {"caseManagerId": "ada", "reason": "moving away"}""").status()).isEqualTo(403);
        assertThat(api.as("grace").post(path + "/reassignment", """
                {"caseManagerId": "ada", "reason": "ben on leave"}""").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.as("ada").get(path).status() == 200);
        assertThat(api.as("ben").get(path).status()).isEqualTo(404);
    }

    @Test
    void aSupervisorReadsAndWritesEveryCaseButDisclosesNothing() {
        String path = adasCase();

        assertThat(api.as("grace").get(path).status()).isEqualTo(200);
        assertThat(api.as("grace").get(path + "/history").status()).isEqualTo(200);
        assertThat(api.as("grace").post(path + "/meetings", meeting()).status()).isEqualTo(201);
        assertThat(api.as("grace").post(path + "/disclosures", DISCLOSURE).status()).isEqualTo(403);
        assertThat(api.as("grace").post(path + "/exports", EXPORT).status()).isEqualTo(403);
    }

    @Test
    void anAuditorReadsEverythingAndWritesNothing() {
        String path = adasCase();

        for (String read : new String[] {path, path + "/history", path + "?version=0", path + "/disclosures"}) {
            assertThat(api.as("ida").get(read).status()).as(read).isEqualTo(200);
        }
        for (String[] write : new String[][] {{"/api/cases", openCase("ida")}, {path + "/meetings", meeting()},
                {path + "/referrals", referral()}, {path + "/closure", closure()}, {path + "/disclosures", DISCLOSURE},
                {path + "/exports", EXPORT}, {path + "/emergency-access", "{\"reason\": \"audit\"}"},
                {path + "/reassignment", "{\"caseManagerId\": \"ben\", \"reason\": \"x\"}"}}) {
            Response refused = api.as("ida").post(write[0], write[1]);
            assertThat(refused.status()).as(write[0]).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ida").get(path).number("/version")).isEqualTo(1);
    }

    @Test
    void billingReceivesTheCaseWithoutClinicalContent() {
        String path = adasCase();
        api.as("ada").post(path + "/assessments", """
                {"type": "INTAKE", "occurredAt": "2026-01-06T10:00:00Z", "summary": "intake summary text",
                 "needs": ["stable housing"]}""");
        api.as("ada").post(path + "/family-members", """
                {"name": "Maria Rivera", "relationship": "mother", "involvedInTreatment": true}""");
        api.as("ada").post(path + "/diagnoses", """
                {"code": "F33.1", "description": "Major depressive disorder, recurrent, moderate", "primary": true,
                 "diagnosedBy": "Dr. Chen", "diagnosedOn": "2026-01-07"}""");

        Response billing = api.as("bill").get(path);

        assertThat(billing.status()).isEqualTo(200);
        assertThat(billing.header("ETag")).isEqualTo(api.as("ada").get(path).header("ETag"));
        JsonNode view = billing.json();
        assertThat(view.at("/client/name").asString()).isEqualTo("Jordan Rivera");
        assertThat(view.at("/meetings/0/durationMinutes").asInt()).isEqualTo(45);
        assertThat(view.at("/diagnoses/0/code").asString()).isEqualTo("F33.1");
        assertThat(billing.body()).doesNotContain("discussed housing options", "Maria Rivera", "intake summary",
                "stable housing", "low mood", "presentingConcerns", "notes", "attendees", "assessments",
                "familyMembers", "Major depressive disorder");
        for (String read : new String[] {path + "/history", path + "?version=0", path + "?asOf=" + Instant.now(),
                path + "/disclosures", path + "/meetings/" + view.at("/meetings/0/meetingId").asString()}) {
            assertThat(api.as("bill").get(read).status()).as(read).isEqualTo(403);
        }
        assertThat(api.as("bill").post(path + "/meetings", meeting()).status()).isEqualTo(403);
        assertThat(api.as("bill").post("/api/cases", openCase("bill")).status()).isEqualTo(403);
    }

    @Test
    void aRecordsOfficerReadsDisclosesAndExportsButRecordsNoCare() {
        String path = adasCase();

        assertThat(api.as("rita").get(path).status()).isEqualTo(200);
        assertThat(api.as("rita").post(path + "/disclosures", DISCLOSURE).status()).isEqualTo(201);
        assertThat(api.as("rita").post(path + "/exports", EXPORT).status()).isEqualTo(201);
        assertThat(api.as("rita").post(path + "/meetings", meeting()).status()).isEqualTo(403);
        assertThat(api.as("rita").post("/api/cases", openCase("rita")).status()).isEqualTo(403);
    }

    @Test
    void everyDeniedAttemptIsInTheAccessLog() {
        String path = adasCase();
        String caseId = path.substring(path.lastIndexOf('/') + 1);

        api.as("ben").get(path + "/history");
        api.as("ben").post(path + "/meetings", meeting());
        api.as("ida").post(path + "/meetings", meeting());

        Response log = api.as("ida").get("/api/audit/access?caseId=" + caseId);
        assertThat(log.json().at("/entries").size()).isGreaterThanOrEqualTo(3);
        JsonNode entries = log.json().at("/entries");
        assertThat(log.texts("/entries", "outcome")).contains("DENIED");
        boolean benRead = false;
        boolean benWrite = false;
        boolean idaWrite = false;
        for (JsonNode entry : entries) {
            String actor = entry.at("/actor").asString();
            String outcome = entry.at("/outcome").asString();
            String action = entry.at("/action").asString();
            benRead |= actor.equals("ben") && action.equals("READ_HISTORY") && outcome.equals("DENIED");
            benWrite |= actor.equals("ben") && action.equals("WRITE") && outcome.equals("DENIED")
                    && entry.at("/status").asInt() == 404;
            idaWrite |= actor.equals("ida") && action.equals("WRITE") && outcome.equals("DENIED")
                    && entry.at("/status").asInt() == 403;
        }
        assertThat(benRead).as("ben's refused read").isTrue();
        assertThat(benWrite).as("ben's refused write").isTrue();
        assertThat(idaWrite).as("the auditor's refused write").isTrue();

        api.as("ben").get("/api/audit/access?caseId=" + caseId);
        api.as("bill").post("/api/admin/projections/caseload/replay", "");
        Response refusedElsewhere = api.as("ida").get("/api/audit/access?user=ben&limit=500");
        assertThat(refusedElsewhere.body()).contains("GET /api/audit/access?caseId=");
        assertThat(api.as("ida").get("/api/audit/access?user=bill&limit=500").body())
                .contains("POST /api/admin/projections/caseload/replay");
    }

    @Test
    void requestBodiesCannotSetServerOwnedFields() {
        String path = adasCase();

        for (String field : new String[] {"\"meetingId\": \"00000000-0000-0000-0000-000000000001\"",
                "\"version\": 7", "\"recordedBy\": \"grace\"", "\"actor\": \"grace\"", "\"caseId\": \"x\""}) {
            String body = meeting().replaceFirst("\\{", "{" + field + ", ");
            assertThat(api.as("ada").post(path + "/meetings", body).status()).as(field).isEqualTo(400);
        }
        assertThat(api.as("ada").post("/api/cases", openCase("ada").replaceFirst("\\{", "{\"status\": \"CLOSED\", "))
                .status()).isEqualTo(400);
        assertThat(api.as("ada").get(path).number("/version")).isEqualTo(1);
    }
}
