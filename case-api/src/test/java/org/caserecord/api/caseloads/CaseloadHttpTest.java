package org.caserecord.api.caseloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.outcome;
import static org.caserecord.api.support.CaseJson.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.CaseJson;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The caseload read model end to end: commands over HTTP, events through the real pooled
 * processors into PostgreSQL, and the caseload endpoint reading the result.
 */
@ApiTest
class CaseloadHttpTest {

    private final HttpApi api;
    String manager;

    CaseloadHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        manager = "cm-" + UUID.randomUUID();
    }

    private String openCaseForManager() {
        return api.as("grace").post("/api/cases", CaseJson.openCase(manager)).text("/caseId");
    }

    private JsonNode entryFor(String caseId) {
        for (JsonNode entry : api.as("grace").get("/api/caseloads/" + manager).json().at("/cases")) {
            if (entry.at("/caseId").asString().equals(caseId)) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void aNewCaseAppearsInItsManagersCaseloadWithinASecond() {
        String caseId = openCaseForManager();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> entryFor(caseId) != null);
        JsonNode entry = entryFor(caseId);
        assertThat(entry.at("/clientName").asString()).isEqualTo("Jordan Rivera");
        assertThat(entry.at("/openedOn").asString()).isEqualTo("2026-01-05");
        assertThat(entry.at("/pendingReferrals").asInt()).isZero();
    }

    @Test
    void theCaseloadShowsTheLastContactAndPendingReferrals() {
        String caseId = openCaseForManager();
        Instant recent = Instant.parse("2026-02-10T09:30:00Z");
        api.as("grace").post("/api/cases/" + caseId + "/meetings", meeting(recent, 30));
        api.as("grace").post("/api/cases/" + caseId + "/meetings", meeting(Instant.parse("2026-02-01T09:30:00Z"), 30));
        api.as("grace").post("/api/cases/" + caseId + "/referrals", referral());
        String accepted = api.as("grace").post("/api/cases/" + caseId + "/referrals", referral()).text("/referralId");
        api.as("grace").post("/api/cases/" + caseId + "/referrals/" + accepted + "/outcome", outcome("ACCEPTED", null));

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode entry = entryFor(caseId);
            assertThat(entry).isNotNull();
            assertThat(entry.at("/version").asLong()).isEqualTo(5);
            assertThat(entry.at("/lastContactAt").asString()).isEqualTo(recent.toString());
            assertThat(entry.at("/pendingReferrals").asInt()).isEqualTo(1);
            assertThat(entry.at("/openReferrals").asInt()).isEqualTo(2);
        });
    }

    @Test
    void aClosedCaseLeavesTheCaseloadAndAReopenedOneReturns() {
        String caseId = openCaseForManager();
        await().atMost(Duration.ofSeconds(1)).until(() -> entryFor(caseId) != null);

        api.as("grace").post("/api/cases/" + caseId + "/closure", closure());
        await().atMost(Duration.ofSeconds(1)).until(() -> entryFor(caseId) == null);

        api.as("grace").post("/api/cases/" + caseId + "/reopening", "{\"reason\": \"client returned\"}");
        await().atMost(Duration.ofSeconds(1)).until(() -> entryFor(caseId) != null);
    }

    @Test
    void aLargeCaseloadIsPagedWithACursor() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(openCaseForManager());
        }
        await().atMost(Duration.ofSeconds(2)).until(() ->
                api.as("grace").get("/api/caseloads/" + manager + "?limit=200").json().at("/cases").size() == 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.as("grace").get("/api/caseloads/" + manager + "?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(page.texts("/cases", "caseId"));
            cursor = page.text("/nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(opened).doesNotHaveDuplicates();
    }

    @Test
    void aPageSizeOutsideOneToTwoHundredIs400() {
        assertThat(api.as("grace").get("/api/caseloads/" + manager + "?limit=0").status()).isEqualTo(400);
        Response tooLarge = api.as("grace").get("/api/caseloads/" + manager + "?limit=201");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aForgedCursorIs400() {
        Response response = api.as("grace").get("/api/caseloads/" + manager + "?cursor=bm90LWEtY3Vyc29y");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/type")).isEqualTo("urn:caserecord:problem:invalid-cursor");
    }

    @Test
    void aManagerWithoutCasesHasAnEmptyCaseload() {
        Response response = api.as("grace").get("/api/caseloads/" + manager);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/cases").size()).isZero();
        assertThat(response.text("/nextCursor")).isNull();
    }
}
