package org.caserecord.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.referral;

import java.time.Instant;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class HistoryHttpTest {

    private final HttpApi api;


    HistoryHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void theHistoryListsTheEventsInOrderWithBothTimelinesAndTheActor() {
        String caseId = api.as("grace").post("/api/cases", openCase("ben")).text("/caseId");
        Instant occurredAt = Instant.parse("2026-01-20T14:00:00Z");
        api.as("ben").header("X-Correlation-Id", "visit-77")
                .post("/api/cases/" + caseId + "/meetings", meeting(occurredAt, 60));

        Response history = api.as("ida").get("/api/cases/" + caseId + "/history");

        assertThat(history.status()).isEqualTo(200);
        JsonNode entries = history.json().at("/entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).at("/sequence").asLong()).isZero();
        assertThat(entries.get(0).at("/type").asString()).isEqualTo("CaseOpened");
        assertThat(entries.get(0).at("/actor").asString()).isEqualTo("grace");
        assertThat(entries.get(0).at("/payload/client/name").asString()).isEqualTo("Jordan Rivera");
        JsonNode meeting = entries.get(1);
        assertThat(meeting.at("/type").asString()).isEqualTo("MeetingRecorded");
        assertThat(meeting.at("/occurredAt").asString()).isEqualTo(occurredAt.toString());
        assertThat(Instant.parse(meeting.at("/recordedAt").asString())).isAfter(occurredAt);
        assertThat(meeting.at("/actor").asString()).isEqualTo("ben");
        assertThat(meeting.at("/actorRoles/0").asString()).isEqualTo("CASE_MANAGER");
        assertThat(meeting.at("/actorRoles").size()).isEqualTo(1);
        assertThat(meeting.at("/correlationId").asString()).isEqualTo("visit-77");
        assertThat(meeting.at("/causationId").asString()).isNotBlank();
        assertThat(meeting.at("/requestId").asString()).isNotBlank();
    }

    @Test
    void theHistoryIsPaginatedBySequence() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        for (int i = 0; i < 4; i++) {
            api.as("ada").post("/api/cases/" + caseId + "/referrals", referral());
        }

        Response first = api.as("ada").get("/api/cases/" + caseId + "/history?limit=2");
        assertThat(first.texts("/entries", "sequence")).containsExactly("0", "1");
        assertThat(first.number("/nextSequence")).isEqualTo(2);

        Response last = api.as("ada").get("/api/cases/" + caseId + "/history?limit=2&fromSequence=4");
        assertThat(last.texts("/entries", "sequence")).containsExactly("4");
        assertThat(last.text("/nextSequence")).isNull();
    }

    @Test
    void aHistoryPageSizeOver500Is400() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        assertThat(api.as("ada").get("/api/cases/" + caseId + "/history?limit=501").status()).isEqualTo(400);
    }
}
