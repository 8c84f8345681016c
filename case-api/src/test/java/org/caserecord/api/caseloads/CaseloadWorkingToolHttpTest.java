package org.caserecord.api.caseloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.outcome;
import static org.caserecord.api.support.CaseJson.referral;
import static org.caserecord.api.support.ClinicalJson.closure;
import static org.caserecord.api.support.ClinicalJson.followUp;
import static org.caserecord.api.support.ClinicalJson.followUpCompletion;
import static org.caserecord.api.support.ClinicalJson.meetingOfType;
import static org.caserecord.api.support.ClinicalJson.openCase;
import static org.caserecord.api.support.ClinicalJson.riskAssessment;
import static org.caserecord.api.support.ClinicalJson.today;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The caseload as a working tool: risk, next follow-up, days since last contact and overdue
 * per case, the filters and sort a case manager works with, and the supervisor's overview.
 */
@ApiTest
class CaseloadWorkingToolHttpTest {

    private static final Duration READ_MODEL = Duration.ofSeconds(3);

    private final HttpApi api;
    String manager;

    CaseloadWorkingToolHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        manager = "cm-" + UUID.randomUUID();
    }

    /** Opens a case for this test's manager; returns its id and the version the last write reached. */
    private OpenedCase openCaseOn(LocalDate openedOn) {
        Response created = api.as("grace").post("/api/cases", openCase(manager, openedOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new OpenedCase(created.text("/caseId"));
    }

    private final class OpenedCase {
        final String id;
        long version;

        OpenedCase(String id) {
            this.id = id;
        }

        /** A successful write to the case; remembers the version it reached. */
        Response write(String path, String body) {
            Response response = api.as("grace").post("/api/cases/" + id + path, body);
            assertThat(response.status()).as(response.toString()).isBetween(200, 201);
            version = response.number("/version");
            return response;
        }

        OpenedCase meeting(Instant occurredAt) {
            write("/meetings", meetingOfType("CLIENT", occurredAt, 30));
            return this;
        }

        OpenedCase risk(String level) {
            write("/assessments", riskAssessment(hoursAgo(1), level));
            return this;
        }

        String followUpDue(LocalDate dueOn) {
            return write("/follow-ups", followUp(dueOn)).text("/followUpId");
        }

        OpenedCase complete(String followUpId) {
            write("/follow-ups/" + followUpId + "/completion", followUpCompletion(hoursAgo(1)));
            return this;
        }
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private Response caseload(String query) {
        Response response = api.as("grace").get("/api/caseloads/" + manager + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode row(String caseId) {
        for (JsonNode entry : caseload("?limit=200").json().at("/cases")) {
            if (entry.at("/caseId").asString().equals(caseId)) {
                return entry;
            }
        }
        return null;
    }

    /** Waits until the caseload read model has applied every write made to these cases. */
    private void awaitCaseload(OpenedCase... cases) {
        await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
            for (OpenedCase c : cases) {
                JsonNode entry = row(c.id);
                assertThat(entry).as(c.id).isNotNull();
                assertThat(entry.at("/version").asLong()).as(c.id).isEqualTo(c.version);
            }
        });
    }

    @Test
    void aRowShowsRiskNextFollowUpDaysSinceLastContactAndOverdue() {
        OpenedCase c = openCaseOn(today().minusDays(60)).meeting(hoursAgo(3 * 24 + 1)).risk("HIGH");
        c.followUpDue(today().plusDays(10));
        String sooner = c.followUpDue(today().plusDays(5));
        awaitCaseload(c);

        JsonNode entry = row(c.id);
        assertThat(entry.at("/riskLevel").asString()).isEqualTo("HIGH");
        assertThat(entry.at("/nextFollowUpDue").asString()).isEqualTo(today().plusDays(5).toString());
        assertThat(entry.at("/daysSinceLastContact").asLong()).isEqualTo(3);
        assertThat(entry.at("/overdue").asBoolean()).isFalse();

        c.complete(sooner);
        awaitCaseload(c);
        assertThat(row(c.id).at("/nextFollowUpDue").asString()).isEqualTo(today().plusDays(10).toString());
    }

    @Test
    void aCaseWithoutContactHasNoDaysSinceLastContactAndNoNextFollowUp() {
        OpenedCase c = openCaseOn(today());
        awaitCaseload(c);

        JsonNode entry = row(c.id);
        assertThat(absent(entry.at("/daysSinceLastContact"))).isTrue();
        assertThat(absent(entry.at("/nextFollowUpDue"))).isTrue();
        assertThat(absent(entry.at("/riskLevel"))).isTrue();
        assertThat(entry.at("/overdue").asBoolean()).as("opened today").isFalse();
    }

    @Test
    void aPastDueFollowUpMakesTheCaseOverdueUntilItIsCompleted() {
        OpenedCase c = openCaseOn(today().minusDays(60)).meeting(hoursAgo(2));
        String pastDue = c.followUpDue(today().minusDays(1));
        awaitCaseload(c);
        assertThat(row(c.id).at("/overdue").asBoolean()).isTrue();
        assertThat(row(c.id).at("/nextFollowUpDue").asString()).isEqualTo(today().minusDays(1).toString());

        c.complete(pastDue);
        awaitCaseload(c);

        assertThat(row(c.id).at("/overdue").asBoolean()).isFalse();
        assertThat(absent(row(c.id).at("/nextFollowUpDue"))).isTrue();
    }

    @Test
    void theRiskLevelIsTheLatestAssessedNotTheLatestTypedIn() {
        OpenedCase c = openCaseOn(today().minusDays(60)).risk("IMMINENT");
        c.write("/assessments", riskAssessment(hoursAgo(24 * 5), "LOW"));
        awaitCaseload(c);

        assertThat(row(c.id).at("/riskLevel").asString()).isEqualTo("IMMINENT");
    }

    @Test
    void overdueTrueListsOnlyOverdueCases() {
        OpenedCase pastDueFollowUp = openCaseOn(today().minusDays(60)).meeting(hoursAgo(2));
        pastDueFollowUp.followUpDue(today().minusDays(2));
        OpenedCase upToDate = openCaseOn(today().minusDays(60)).meeting(hoursAgo(2));
        upToDate.followUpDue(today().plusDays(14));
        OpenedCase noRecentContact = openCaseOn(today().minusDays(400)).meeting(hoursAgo(40 * 24));
        OpenedCase neverContactedSinceLongAgo = openCaseOn(today().minusDays(400));
        awaitCaseload(pastDueFollowUp, upToDate, noRecentContact, neverContactedSinceLongAgo);

        Response overdue = caseload("?overdue=true");
        Response notOverdue = caseload("?overdue=false");

        assertThat(overdue.texts("/cases", "caseId")).containsExactlyInAnyOrder(pastDueFollowUp.id,
                noRecentContact.id, neverContactedSinceLongAgo.id);
        assertThat(overdue.texts("/cases", "overdue")).containsOnly("true");
        assertThat(notOverdue.texts("/cases", "caseId")).containsExactly(upToDate.id);
        assertThat(row(noRecentContact.id).at("/daysSinceLastContact").asLong()).isEqualTo(40);
    }

    @Test
    void aMeetingWithinThirtyDaysKeepsACaseOpenedLongAgoFromBeingOverdue() {
        OpenedCase recent = openCaseOn(today().minusDays(400)).meeting(hoursAgo(29 * 24));
        awaitCaseload(recent);

        assertThat(row(recent.id).at("/overdue").asBoolean()).isFalse();
        assertThat(caseload("?overdue=true").texts("/cases", "caseId")).doesNotContain(recent.id);
    }

    @Test
    void riskLevelFiltersTheCaseload() {
        OpenedCase high = openCaseOn(today().minusDays(10)).risk("HIGH");
        OpenedCase alsoHigh = openCaseOn(today().minusDays(9));
        alsoHigh.write("/assessments", riskAssessment(hoursAgo(5), "LOW"));
        alsoHigh.risk("HIGH");
        OpenedCase low = openCaseOn(today().minusDays(8)).risk("LOW");
        OpenedCase unassessed = openCaseOn(today().minusDays(7));
        awaitCaseload(high, alsoHigh, low, unassessed);

        Response response = caseload("?riskLevel=HIGH");

        assertThat(response.texts("/cases", "caseId")).containsExactly(high.id, alsoHigh.id);
        assertThat(response.texts("/cases", "riskLevel")).containsOnly("HIGH");
        assertThat(caseload("?riskLevel=LOW").texts("/cases", "caseId")).containsExactly(low.id);
        assertThat(caseload("?riskLevel=IMMINENT").json().at("/cases").size()).isZero();
    }

    @Test
    void riskLevelAndOverdueCombine() {
        OpenedCase highOverdue = openCaseOn(today().minusDays(400)).risk("HIGH");
        OpenedCase highUpToDate = openCaseOn(today().minusDays(400)).risk("HIGH").meeting(hoursAgo(2));
        OpenedCase lowOverdue = openCaseOn(today().minusDays(400)).risk("LOW");
        awaitCaseload(highOverdue, highUpToDate, lowOverdue);

        assertThat(caseload("?riskLevel=HIGH&overdue=true").texts("/cases", "caseId"))
                .containsExactly(highOverdue.id);
    }

    @Test
    void anUnknownRiskLevelIs400() {
        Response response = api.as("grace").get("/api/caseloads/" + manager + "?riskLevel=EXTREME");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/errors/0/field")).isEqualTo("riskLevel");
    }

    @Test
    void sortByNextDueListsTheSoonestFollowUpFirstAndCasesWithoutFollowUpLast() {
        OpenedCase noFollowUpOlder = openCaseOn(today().minusDays(90));
        OpenedCase in20Days = openCaseOn(today().minusDays(80));
        in20Days.followUpDue(today().plusDays(20));
        OpenedCase in3Days = openCaseOn(today().minusDays(70));
        in3Days.followUpDue(today().plusDays(3));
        OpenedCase noFollowUpNewer = openCaseOn(today().minusDays(60));
        OpenedCase in10Days = openCaseOn(today().minusDays(50));
        in10Days.followUpDue(today().plusDays(10));
        awaitCaseload(noFollowUpOlder, in20Days, in3Days, noFollowUpNewer, in10Days);

        Response sorted = caseload("?sort=nextDue");

        assertThat(sorted.texts("/cases", "caseId")).containsExactly(in3Days.id, in10Days.id, in20Days.id,
                noFollowUpOlder.id, noFollowUpNewer.id);
        assertThat(caseload("").texts("/cases", "caseId")).as("default: oldest case first")
                .containsExactly(noFollowUpOlder.id, in20Days.id, in3Days.id, noFollowUpNewer.id, in10Days.id);
    }

    @Test
    void sortByNextDueIsPagedWithItsCursor() {
        OpenedCase in3Days = openCaseOn(today().minusDays(70));
        in3Days.followUpDue(today().plusDays(3));
        OpenedCase pastDue = openCaseOn(today().minusDays(80));
        pastDue.followUpDue(today().minusDays(3));
        OpenedCase noFollowUpOlder = openCaseOn(today().minusDays(90));
        OpenedCase noFollowUpNewer = openCaseOn(today().minusDays(60));
        OpenedCase in10Days = openCaseOn(today().minusDays(50));
        in10Days.followUpDue(today().plusDays(10));
        awaitCaseload(in3Days, pastDue, noFollowUpOlder, noFollowUpNewer, in10Days);
        List<String> expected = List.of(pastDue.id, in3Days.id, in10Days.id, noFollowUpOlder.id,
                noFollowUpNewer.id);

        for (int limit : new int[] {1, 2}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Response page = caseload("?sort=nextDue&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.json().at("/cases").size()).isLessThanOrEqualTo(limit);
                seen.addAll(page.texts("/cases", "caseId"));
                cursor = page.text("/nextCursor");
                pages++;
            } while (cursor != null && pages < 10);

            assertThat(seen).as("limit " + limit).containsExactlyElementsOf(expected);
            assertThat(pages).as("limit " + limit).isEqualTo((expected.size() + limit - 1) / limit);
        }
    }

    @Test
    void aCursorOfOneSortIsRefusedForTheOther() {
        openCaseOn(today().minusDays(20));
        openCaseOn(today().minusDays(10));
        await().atMost(READ_MODEL).until(() -> caseload("?limit=200").json().at("/cases").size() == 2);
        String cursor = caseload("?limit=1").text("/nextCursor");
        assertThat(cursor).isNotNull();

        Response response = api.as("grace").get("/api/caseloads/" + manager + "?sort=nextDue&limit=1&cursor=" + cursor);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/type")).isEqualTo("urn:caserecord:problem:invalid-cursor");
    }

    @Test
    void anUnknownSortIs400() {
        Response response = api.as("grace").get("/api/caseloads/" + manager + "?sort=bogus");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/errors/0/field")).isEqualTo("sort");
    }

    @Test
    void theOverviewHasALineForTheManagerWithOpenOverdueRiskAndPendingReferrals() {
        OpenedCase highWithPendingReferral = openCaseOn(today().minusDays(60)).risk("HIGH").meeting(hoursAgo(2));
        highWithPendingReferral.write("/referrals", referral());
        OpenedCase imminentAndOverdue = openCaseOn(today().minusDays(60)).risk("IMMINENT").meeting(hoursAgo(2));
        imminentAndOverdue.followUpDue(today().minusDays(1));
        OpenedCase lowWithOnePendingOfTwo = openCaseOn(today().minusDays(60)).risk("LOW").meeting(hoursAgo(2));
        lowWithOnePendingOfTwo.write("/referrals", referral());
        String accepted = lowWithOnePendingOfTwo.write("/referrals", referral()).text("/referralId");
        lowWithOnePendingOfTwo.write("/referrals/" + accepted + "/outcome", outcome("ACCEPTED", null));
        OpenedCase closedHighRisk = openCaseOn(today().minusDays(60)).risk("HIGH");
        awaitCaseload(highWithPendingReferral, imminentAndOverdue, lowWithOnePendingOfTwo, closedHighRisk);
        closedHighRisk.write("/closure", closure("CLIENT_WITHDREW", today()));

        await().atMost(READ_MODEL).untilAsserted(() -> {
            JsonNode line = overviewLine();
            assertThat(line).as("overview line for " + manager).isNotNull();
            assertThat(line.at("/openCases").asInt()).isEqualTo(3);
            assertThat(line.at("/overdue").asInt()).isEqualTo(1);
            assertThat(line.at("/highOrImminentRisk").asInt()).isEqualTo(2);
            assertThat(line.at("/pendingReferrals").asInt()).isEqualTo(2);
        });
    }

    @Test
    void theOverviewHasNoLineForAManagerWithoutOpenCases() {
        assertThat(overviewLine()).isNull();
    }

    private JsonNode overviewLine() {
        Response overview = api.as("grace").get("/api/caseloads");
        assertThat(overview.status()).isEqualTo(200);
        for (JsonNode line : overview.json()) {
            if (line.at("/caseManagerId").asString().equals(manager)) {
                return line;
            }
        }
        return null;
    }
}
