package org.caserecord.api.caseloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agenda of scheduled meetings and follow-ups, as JSON and as an iCalendar feed parsed back. */
@ApiTest
class AgendaHttpTest {

    private final HttpApi api;

    AgendaHttpTest(HttpApi api) {
        this.api = api;
    }

    private static String schedule(Instant at) {
        return """
                {"type": "FAMILY", "scheduledFor": "%s", "plannedMinutes": 45,
                 "attendees": [{"name": "Maria Rivera", "role": "mother"}],
                 "location": "14 Quayside Lane", "purpose": "talk about the relapse"}
                """.formatted(at);
    }

    private String id(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text(field);
    }

    @Test
    void theAgendaListsMeetingsAndFollowUpsInTimeOrderAsJsonAndAsACalendar() throws Exception {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String caseUrl = "/api/cases/" + caseId;
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Instant inThreeDays = tomorrow.plus(2, ChronoUnit.DAYS);
        LocalDate inTwoDays = LocalDate.ofInstant(tomorrow, ZoneOffset.UTC).plusDays(1);
        String first = id(api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(tomorrow)), "/scheduledMeetingId");
        String last = id(api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(inThreeDays)),
                "/scheduledMeetingId");
        String cancelled = id(api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(inThreeDays.plusSeconds(60))),
                "/scheduledMeetingId");
        api.as("ada").post(caseUrl + "/scheduled-meetings/" + cancelled + "/cancellation", "{\"reason\": \"moved\"}");
        String followUp = id(api.as("ada").post(caseUrl + "/follow-ups", """
                {"dueOn": "%s", "purpose": "check on the relapse"}""".formatted(inTwoDays)), "/followUpId");
        // Follow-ups come from the caseload read model, which follows the store in its own time.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response json = api.as("ada").get("/api/caseloads/ada/agenda");
            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            List<String> mine = new ArrayList<>();
            for (JsonNode item : json.json().at("/items")) {
                if (item.at("/caseId").asString().equals(caseId)) {
                    mine.add(item.at("/kind").asString() + ":" + item.at("/id").asString());
                }
            }
            assertThat(mine).containsExactly("MEETING:" + first, "FOLLOW_UP:" + followUp, "MEETING:" + last);
            assertThat(json.toString()).doesNotContain("Maria", "Quayside", "relapse");
        });

        String feed = api.as("ada").header("Accept", "text/calendar").get("/api/caseloads/ada/agenda").body();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents("VEVENT");
        List<String> uids = events.stream().map(AgendaHttpTest::uid).toList();
        assertThat(uids).contains(first + "@caserecord", last + "@caserecord", followUp + "@caserecord")
                .doesNotContain(cancelled + "@caserecord").doesNotHaveDuplicates();
        VEvent meeting = events.stream().filter(e -> uid(e).startsWith(first)).findFirst().orElseThrow();
        assertThat(Instant.from(meeting.getStartDate().orElseThrow().getDate())).isEqualTo(tomorrow);
        assertThat(meeting.getRequiredProperty("SUMMARY").getValue()).isEqualTo("Family meeting");
        assertThat(meeting.getRequiredProperty("DURATION").getValue()).isEqualTo("PT45M");
        VEvent due = events.stream().filter(e -> uid(e).startsWith(followUp)).findFirst().orElseThrow();
        assertThat(due.getStartDate().orElseThrow().getDate()).isEqualTo(inTwoDays);
        assertThat(feed).doesNotContain("Maria", "Quayside", "relapse", "Jordan");
        // Stable: the same items keep their UIDs.
        String again = api.as("ada").header("Accept", "text/calendar").get("/api/caseloads/ada/agenda").body();
        assertThat(again).contains(first + "@caserecord");
        // The caseload shows the next meeting.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(caseloadEntry(caseId).at("/nextMeetingAt").asString()).isEqualTo(tomorrow.toString()));
    }

    @Test
    void aNoShowMakesTheCaseOverdue() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String caseUrl = "/api/cases/" + caseId;
        api.as("ada").post(caseUrl + "/meetings", meeting());
        String id = id(api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(Instant.now().plusSeconds(2))),
                "/scheduledMeetingId");
        // The caseload follows in its own time; with the meeting just held the case is not overdue.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(caseloadEntry(caseId).at("/nextMeetingAt").isNull()).isFalse());
        assertThat(caseloadEntry(caseId).at("/overdue").asBoolean()).isFalse();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.as("ada").post(caseUrl + "/scheduled-meetings/" + id + "/no-show", "").status() == 200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode entry = caseloadEntry(caseId);
            assertThat(entry.at("/overdue").asBoolean()).isTrue();
            assertThat(entry.at("/nextMeetingAt").isNull()).isTrue();
        });
    }

    @Test
    void otherManagersAgendasAreHiddenAndBadPeriodsAre400() {
        assertThat(api.as("ben").get("/api/caseloads/ada/agenda").status()).isEqualTo(404);
        assertThat(api.as("bill").get("/api/caseloads/ada/agenda").status()).isEqualTo(403);
        assertThat(api.as("grace").get("/api/caseloads/ada/agenda").status()).isEqualTo(200);
        for (String query : List.of("?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z",
                "?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z", "?from=tomorrow",
                "?from=+1000000000-12-31T00:00:00Z", "?to=1800-01-01T00:00:00Z")) {
            Response refused = api.as("ada").get("/api/caseloads/ada/agenda" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private static String uid(VEvent event) {
        try {
            return event.getRequiredProperty("UID").getValue();
        } catch (Exception e) {
            throw new AssertionError("an event without a UID", e);
        }
    }

    private JsonNode caseloadEntry(String caseId) {
        String cursor = null;
        do {
            Response page = api.as("ada").get("/api/caseloads/ada?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode entry : page.json().at("/cases")) {
                if (entry.at("/caseId").asString().equals(caseId)) {
                    return entry;
                }
            }
            cursor = page.json().at("/nextCursor").isNull() ? null : page.text("/nextCursor");
        } while (cursor != null);
        throw new AssertionError("case " + caseId + " is not on the caseload");
    }
}
