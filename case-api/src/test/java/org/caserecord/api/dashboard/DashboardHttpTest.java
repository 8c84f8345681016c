package org.caserecord.api.dashboard;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard over HTTP. The database is shared with every other test, so figures of a
 * period are checked on periods in the past that no other test writes to (cases can be
 * opened, closed and met with back-dated), and figures of "now" are checked as changes.
 */
@ApiTest
class DashboardHttpTest {

    private static final Duration READ_MODEL = Duration.ofSeconds(5);

    private final HttpApi api;
    private final String manager = "cm-" + UUID.randomUUID();

    DashboardHttpTest(HttpApi api) {
        this.api = api;
    }

    private String openCaseOn(LocalDate openedOn) {
        Response created = api.as("grace").post("/api/cases", openCase(manager, openedOn));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "/api/cases/" + created.text("/caseId");
    }

    private Response write(String url, String body) {
        Response response = api.as("grace").post(url, body);
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    private JsonNode dashboard(LocalDate from, LocalDate to) {
        Response response = api.as("ida").get("/api/dashboard?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(property -> counts.put(property.getKey(), property.getValue().asLong()));
        return counts;
    }

    private static List<String> months(JsonNode meetingsByMonth) {
        return meetingsByMonth.valueStream()
                .map(m -> m.at("/month").asString() + " " + m.at("/type").asString() + " "
                        + m.at("/meetings").asLong() + " " + m.at("/totalMinutes").asLong())
                .toList();
    }

    @Test
    void theFiguresOfAPastPeriodCountWhatHappenedInItWithInclusiveBounds() {
        LocalDate from = LocalDate.parse("2013-05-01");
        LocalDate to = LocalDate.parse("2013-06-30");
        String openedOnFirstDay = openCaseOn(from);
        String openedOnLastDay = openCaseOn(to);
        String openedBefore = openCaseOn(from.minusDays(1));
        String openedBeforeClosedAfter = openCaseOn(from.minusDays(1));
        write(openedOnLastDay + "/meetings", meetingOfType("CLIENT", Instant.parse("2013-05-10T10:00:00Z"), 60));
        write(openedOnLastDay + "/meetings", meetingOfType("CLIENT", Instant.parse("2013-05-31T23:30:00Z"), 30));
        write(openedOnLastDay + "/meetings", meetingOfType("FAMILY", Instant.parse("2013-05-15T09:00:00Z"), 45));
        write(openedOnLastDay + "/meetings", meetingOfType("CLIENT", Instant.parse("2013-06-01T00:15:00Z"), 50));
        write(openedOnLastDay + "/meetings", meetingOfType("CLIENT", Instant.parse("2013-04-30T23:59:00Z"), 20));
        write(openedOnLastDay + "/meetings", meetingOfType("CARE_TEAM", Instant.parse("2013-07-01T00:00:00Z"), 20));
        write(openedOnLastDay + "/referrals", referral());
        write(openedOnFirstDay + "/closure", closure("CLIENT_WITHDREW", LocalDate.parse("2013-05-20")));
        write(openedBefore + "/closure", closure("LOST_CONTACT", to));
        write(openedBeforeClosedAfter + "/closure", closure("CLIENT_WITHDREW", to.plusDays(1)));

        await().atMost(READ_MODEL).untilAsserted(() -> {
            JsonNode dashboard = dashboard(from, to);
            assertThat(dashboard.at("/from").asString()).isEqualTo("2013-05-01");
            assertThat(dashboard.at("/to").asString()).isEqualTo("2013-06-30");
            assertThat(dashboard.at("/opened").asLong()).isEqualTo(2);
            assertThat(dashboard.at("/closed/total").asLong()).isEqualTo(2);
            assertThat(counts(dashboard.at("/closed/byReason")))
                    .containsExactlyEntriesOf(new TreeMap<>(Map.of("CLIENT_WITHDREW", 1L, "LOST_CONTACT", 1L)));
            assertThat(months(dashboard.at("/meetingsByMonth"))).containsExactly(
                    "2013-05 CLIENT 2 90", "2013-05 FAMILY 1 45", "2013-06 CLIENT 1 50");
            assertThat(counts(dashboard.at("/referralsByStatus"))).as("referrals count from when they were added")
                    .isEmpty();
            assertThat(absent(dashboard.at("/medianDaysToOutcome"))).isTrue();
            assertThat(dashboard.at("/openCases").isNumber()).isTrue();
            assertThat(dashboard.at("/followUpsOverdue").isNumber()).isTrue();
            assertThat(dashboard.at("/openCasesByRisk").isObject()).isTrue();
        });
    }

    @Test
    void aClosureStillCountsInItsMonthAfterTheCaseIsReopened() {
        LocalDate from = LocalDate.parse("2015-03-01");
        LocalDate to = LocalDate.parse("2015-03-31");
        String reopened = openCaseOn(from);
        write(reopened + "/closure", closure("CLIENT_WITHDREW", LocalDate.parse("2015-03-10")));
        write(reopened + "/reopening", "{\"reason\": \"client returned\"}");

        await().atMost(READ_MODEL).untilAsserted(() -> {
            JsonNode dashboard = dashboard(from, to);
            assertThat(dashboard.at("/closed/total").asLong()).isEqualTo(1);
            assertThat(counts(dashboard.at("/closed/byReason"))).containsExactlyEntriesOf(Map.of("CLIENT_WITHDREW", 1L));
        });
    }

    @Test
    void aSingleMonthOfThePastCountsOnlyItsOwnCasesAndMeetings() {
        LocalDate from = LocalDate.parse("2014-02-01");
        LocalDate to = LocalDate.parse("2014-02-28");
        String inFebruary = openCaseOn(LocalDate.parse("2014-02-14"));
        String inMarch = openCaseOn(LocalDate.parse("2014-03-01"));
        write(inFebruary + "/meetings", meetingOfType("PROVIDER", Instant.parse("2014-02-20T15:00:00Z"), 25));
        write(inMarch + "/meetings", meetingOfType("PROVIDER", Instant.parse("2014-03-02T15:00:00Z"), 25));

        await().atMost(READ_MODEL).untilAsserted(() -> {
            JsonNode dashboard = dashboard(from, to);
            assertThat(dashboard.at("/opened").asLong()).isEqualTo(1);
            assertThat(dashboard.at("/closed/total").asLong()).isZero();
            assertThat(counts(dashboard.at("/closed/byReason"))).isEmpty();
            assertThat(months(dashboard.at("/meetingsByMonth"))).containsExactly("2014-02 PROVIDER 1 25");
        });
    }

    @Test
    void theCurrentFiguresChangeByWhatIsOpenedAssessedReferredAndDue() {
        LocalDate today = today();
        JsonNode before = stableDashboard(today, today);

        String high = openCaseOn(today);
        write(high + "/assessments", riskAssessment(anHourAgo(), "HIGH"));
        write(high + "/follow-ups", followUp(today.minusDays(1)));
        write(high + "/follow-ups", followUp(today.plusDays(7)));
        String done = write(high + "/follow-ups", followUp(today.minusDays(3))).text("/followUpId");
        write(high + "/follow-ups/" + done + "/completion", followUpCompletion(anHourAgo()));
        String unassessed = openCaseOn(today);
        String accepted = write(unassessed + "/referrals", referral()).text("/referralId");
        write(unassessed + "/referrals/" + accepted + "/outcome", outcome("ACCEPTED", null));
        String low = openCaseOn(today);
        write(low + "/assessments", riskAssessment(anHourAgo(), "LOW"));
        write(low + "/referrals", referral());
        String closed = openCaseOn(today);
        write(closed + "/assessments", riskAssessment(anHourAgo(), "IMMINENT"));
        write(closed + "/follow-ups", followUp(today.minusDays(1)));
        write(closed + "/closure", closure("TRANSFERRED_TO_OTHER_PROVIDER", today));

        await().atMost(READ_MODEL).untilAsserted(() -> {
            JsonNode after = dashboard(today, today);
            assertThat(delta(before, after, "/openCases")).isEqualTo(3);
            assertThat(delta(before, after, "/opened")).isEqualTo(4);
            assertThat(delta(before, after, "/closed/total")).isEqualTo(1);
            assertThat(delta(before, after, "/closed/byReason/TRANSFERRED_TO_OTHER_PROVIDER")).isEqualTo(1);
            assertThat(delta(before, after, "/followUpsOverdue")).isEqualTo(1);
            assertThat(delta(before, after, "/openCasesByRisk/HIGH")).isEqualTo(1);
            assertThat(delta(before, after, "/openCasesByRisk/LOW")).isEqualTo(1);
            assertThat(delta(before, after, "/openCasesByRisk/UNASSESSED")).isEqualTo(1);
            assertThat(delta(before, after, "/openCasesByRisk/IMMINENT")).isZero();
            assertThat(delta(before, after, "/referralsByStatus/PENDING")).isEqualTo(1);
            assertThat(delta(before, after, "/referralsByStatus/ACCEPTED")).isEqualTo(1);
            assertThat(after.at("/medianDaysToOutcome").asDouble()).as("answered within seconds")
                    .isBetween(0.0, 1.0);
        });
    }

    @Test
    void withoutParametersThePeriodIsThisMonthUpToToday() {
        Response response = api.as("ida").get("/api/dashboard");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/from")).isEqualTo(today().withDayOfMonth(1).toString());
        assertThat(response.text("/to")).isEqualTo(today().toString());
    }

    @Test
    void withOnlyToThePeriodStartsOnTheFirstOfItsMonth() {
        Response response = api.as("ida").get("/api/dashboard?to=2015-03-17");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/from")).isEqualTo("2015-03-01");
        assertThat(response.text("/to")).isEqualTo("2015-03-17");
    }

    @Test
    void fromAfterToIs400() {
        Response response = api.as("ida").get("/api/dashboard?from=2019-07-31&to=2019-07-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/type")).isEqualTo("urn:caserecord:problem:invalid-period");
    }

    @Test
    void aPeriodOfMoreThanTwentyYearsIs400() {
        Response response = api.as("ida").get("/api/dashboard?from=1990-01-01&to=2026-01-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/type")).isEqualTo("urn:caserecord:problem:invalid-period");
    }

    @Test
    void aMalformedDateIs400WithTheParameter() {
        Response badMonth = api.as("ida").get("/api/dashboard?from=2019-13-01&to=2019-12-31");
        Response notADate = api.as("ida").get("/api/dashboard?from=2019-07-01&to=yesterday");

        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badMonth.text("/errors/0/field")).isEqualTo("from");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.text("/errors/0/field")).isEqualTo("to");
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong(0) - before.at(pointer).asLong(0);
    }

    /**
     * The dashboard once it has stopped changing: other tests' last writes may still be on
     * their way into the read models, and must not be counted as this test's.
     */
    private JsonNode stableDashboard(LocalDate from, LocalDate to) {
        JsonNode[] last = {dashboard(from, to)};
        await().atMost(READ_MODEL).pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode now = dashboard(from, to);
                    boolean unchanged = now.equals(last[0]);
                    last[0] = now;
                    return unchanged;
                });
        return last[0];
    }

    private static Instant anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }
}
