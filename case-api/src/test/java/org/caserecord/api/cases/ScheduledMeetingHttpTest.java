package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scheduled meetings over HTTP: scheduled, then held, cancelled or missed — exactly once. */
@ApiTest
class ScheduledMeetingHttpTest {

    private final HttpApi api;

    ScheduledMeetingHttpTest(HttpApi api) {
        this.api = api;
    }

    private static String schedule(Instant at) {
        return """
                {"type": "FAMILY", "scheduledFor": "%s", "plannedMinutes": 60,
                 "attendees": [{"name": "Maria Rivera", "role": "mother"}],
                 "location": "clinic, room 2", "purpose": "family session"}
                """.formatted(at);
    }

    private String newCase() {
        return "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
    }

    @Test
    void aScheduledMeetingIsHeldWhenTheMeetingIsRecorded() {
        String caseUrl = newCase();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Response scheduled = api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(tomorrow));

        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.text("/scheduledMeetingId");
        assertThat(scheduled.header("Location")).isEqualTo(caseUrl + "/scheduled-meetings/" + id);
        JsonNode listed = api.as("ada").get(caseUrl + "/scheduled-meetings").json().at("/scheduledMeetings/0");
        assertThat(listed.at("/scheduledFor").asString()).isEqualTo(tomorrow.toString());
        assertThat(listed.at("/status").asString()).isEqualTo("SCHEDULED");
        assertThat(listed.at("/attendees/0/name").asString()).isEqualTo("Maria Rivera");
        assertThat(listed.at("/location").asString()).isEqualTo("clinic, room 2");

        Instant held = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Response meeting = api.as("ada").post(caseUrl + "/meetings", """
                {"type": "FAMILY", "occurredAt": "%s", "durationMinutes": 50, "notes": "went well",
                 "scheduledMeetingId": "%s"}""".formatted(held, id));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);

        JsonNode ended = api.as("ada").get(caseUrl + "/scheduled-meetings/" + id).json();
        assertThat(ended.at("/status").asString()).isEqualTo("HELD");
        assertThat(ended.at("/meetingId").asString()).isEqualTo(meeting.text("/meetingId"));
        // Ended exactly once.
        Response again = api.as("ada").post(caseUrl + "/scheduled-meetings/" + id + "/cancellation",
                "{\"reason\": \"too late\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).endsWith("scheduled-meeting-ended");
    }

    @Test
    void aCancelledMeetingSaysWhy() {
        String caseUrl = newCase();
        String id = api.as("ada").post(caseUrl + "/scheduled-meetings",
                schedule(Instant.now().plus(2, ChronoUnit.DAYS))).text("/scheduledMeetingId");

        Response cancelled = api.as("ada").post(caseUrl + "/scheduled-meetings/" + id + "/cancellation",
                "{\"reason\": \"client unwell\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
        JsonNode view = api.as("ada").get(caseUrl + "/scheduled-meetings/" + id).json();
        assertThat(view.at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(view.at("/cancellationReason").asString()).isEqualTo("client unwell");
    }

    @Test
    void aNoShowIsRefusedBeforeTheMeetingsTimeAndRecordedAfterIt() {
        String caseUrl = newCase();
        Instant soon = Instant.now().plusSeconds(2);
        String id = api.as("ada").post(caseUrl + "/scheduled-meetings", schedule(soon)).text("/scheduledMeetingId");
        String noShow = caseUrl + "/scheduled-meetings/" + id + "/no-show";

        Response early = api.as("ada").post(noShow, "");
        if (Instant.now().isBefore(soon)) {
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.text("/type")).endsWith("no-show-before-its-time");
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.as("ada").post(noShow, "").status() == 200);
        assertThat(api.as("ada").get(caseUrl + "/scheduled-meetings/" + id).text("/status")).isEqualTo("MISSED");
        assertThat(api.as("ada").post(noShow, "").status()).isEqualTo(409);
    }

    @Test
    void badSchedulesAre400AndChangeNothing() {
        String caseUrl = newCase();
        String past = schedule(Instant.now().minus(1, ChronoUnit.HOURS));
        for (String body : List.of(past, schedule(Instant.parse("+30000-01-01T10:00:00Z")),
                "{\"type\": \"FAMILY\", \"plannedMinutes\": 30}",
                schedule(Instant.now().plus(1, ChronoUnit.DAYS)).replace("60", "0"),
                schedule(Instant.now().plus(1, ChronoUnit.DAYS)).replace("FAMILY", "PARTY"),
                "{\"type\": \"FAMILY\", \"scheduledFor\": \"tomorrow\", \"plannedMinutes\": 30}", "{")) {
            Response refused = api.as("ada").post(caseUrl + "/scheduled-meetings", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ada").get(caseUrl + "/scheduled-meetings").json().at("/scheduledMeetings")).isEmpty();
        assertThat(api.as("ada").post(caseUrl + "/meetings", """
                {"type": "FAMILY", "occurredAt": "2026-01-10T10:00:00Z", "durationMinutes": 50,
                 "scheduledMeetingId": "6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01"}""").status()).isEqualTo(404);
        // Another manager's case is as invisible here as anywhere.
        assertThat(api.as("ben").post(caseUrl + "/scheduled-meetings",
                schedule(Instant.now().plus(1, ChronoUnit.DAYS))).status()).isEqualTo(404);
        assertThat(api.as("bill").get(caseUrl + "/scheduled-meetings").status()).isEqualTo(403);
    }
}
