package org.caserecord.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.referral;

import java.time.Instant;
import java.util.List;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** History filters on both timelines, and the case file as of a version or a recorded instant. */
@ApiTest
class TimeTravelHttpTest {

    private final HttpApi api;

    TimeTravelHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void theHistoryFiltersByTypeActorAndRecordedTime() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting(Instant.parse("2026-02-01T10:00:00Z"), 30));
        api.as("grace").post("/api/cases/" + caseId + "/meetings", meeting(Instant.parse("2026-01-10T10:00:00Z"), 45));
        api.as("grace").post("/api/cases/" + caseId + "/referrals", referral());

        String history = "/api/cases/" + caseId + "/history";
        List<String> recorded = api.as("ida").get(history).texts("/entries", "recordedAt");
        Instant firstMeeting = Instant.parse(recorded.get(1));
        Instant secondMeeting = Instant.parse(recorded.get(2));
        assertThat(secondMeeting).isAfter(firstMeeting);
        assertThat(api.as("ida").get(history + "?type=MeetingRecorded").texts("/entries", "sequence"))
                .containsExactly("1", "2");
        assertThat(api.as("ida").get(history + "?type=MeetingRecorded&type=ReferralAdded").texts("/entries", "sequence"))
                .containsExactly("1", "2", "3");
        assertThat(api.as("ida").get(history + "?actor=grace").texts("/entries", "sequence")).containsExactly("2", "3");
        assertThat(api.as("ida").get(history + "?timeline=recorded&to=" + firstMeeting).texts("/entries", "sequence"))
                .containsExactly("0", "1");
        assertThat(api.as("ida").get(history + "?from=" + secondMeeting).texts("/entries", "sequence"))
                .containsExactly("2", "3");
    }

    @Test
    void theOccurredTimelineShowsBackDatedEntriesWhereTheyHappened() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting(Instant.parse("2026-02-01T10:00:00Z"), 30));
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting(Instant.parse("2026-01-10T10:00:00Z"), 45));

        Response january = api.as("ida").get("/api/cases/" + caseId
                + "/history?timeline=occurred&from=2026-01-01T00:00:00Z&to=2026-01-31T23:59:59Z");

        assertThat(january.status()).isEqualTo(200);
        JsonNode entries = january.json().at("/entries");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).at("/sequence").asLong()).isEqualTo(2);
        assertThat(entries.get(0).at("/occurredAt").asString()).isEqualTo("2026-01-10T10:00:00Z");
        Instant recordedAt = Instant.parse(entries.get(0).at("/recordedAt").asString());
        assertThat(recordedAt).isAfter(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @Test
    void filteredHistoryIsPaginatedBySequence() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        for (int i = 0; i < 3; i++) {
            api.as("ada").post("/api/cases/" + caseId + "/referrals", referral());
            api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        }
        String history = "/api/cases/" + caseId + "/history?type=MeetingRecorded&limit=2";

        Response first = api.as("ida").get(history);
        assertThat(first.texts("/entries", "sequence")).containsExactly("2", "4");
        assertThat(first.number("/nextSequence")).isEqualTo(6);
        Response second = api.as("ida").get(history + "&fromSequence=" + first.number("/nextSequence"));
        assertThat(second.texts("/entries", "sequence")).containsExactly("6");
        assertThat(second.text("/nextSequence")).isNull();
    }

    @Test
    void badHistoryFiltersAre400ProblemsNaming() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String history = "/api/cases/" + caseId + "/history";

        for (String query : new String[] {"?timeline=business", "?type=MeetingHeld", "?from=yesterday",
                "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "?fromSequence=-1"}) {
            Response response = api.as("ida").get(history + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
        assertThat(api.as("ida").get(history + "?type=MeetingHeld").text("/detail")).contains("MeetingRecorded");
    }

    @Test
    void theCaseAtAVersionIsRebuiltFromItsEvents() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        api.as("ada").header("If-Match", "\"2\"").post("/api/cases/" + caseId + "/closure", closure());

        Response atOne = api.as("ida").get("/api/cases/" + caseId + "?version=1");

        assertThat(atOne.status()).isEqualTo(200);
        assertThat(atOne.header("ETag")).isEqualTo("\"1\"");
        assertThat(atOne.number("/version")).isEqualTo(1);
        assertThat(atOne.text("/status")).isEqualTo("OPEN");
        assertThat(atOne.json().at("/meetings").size()).isEqualTo(1);
        Response now = api.as("ida").get("/api/cases/" + caseId);
        assertThat(now.text("/status")).isEqualTo("CLOSED");
        assertThat(api.as("ida").get("/api/cases/" + caseId + "?version=3").json()).isEqualTo(now.json());
        assertThat(api.as("ida").get("/api/cases/" + caseId + "?version=4").status()).isEqualTo(404);
    }

    @Test
    void theCaseAsOfAnInstantIsWhatTheRecordSaidThen() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        api.as("ada").post("/api/cases/" + caseId + "/closure", closure());
        List<String> recorded = api.as("ida").get("/api/cases/" + caseId + "/history").texts("/entries", "recordedAt");
        Instant beforeOpening = Instant.parse(recorded.get(0)).minusNanos(1000);
        Instant afterMeeting = Instant.parse(recorded.get(1));
        assertThat(Instant.parse(recorded.get(2))).isAfter(afterMeeting);

        Response then = api.as("ida").get("/api/cases/" + caseId + "?asOf=" + afterMeeting);
        assertThat(then.status()).isEqualTo(200);
        assertThat(then.header("ETag")).isEqualTo("\"1\"");
        assertThat(then.text("/status")).isEqualTo("OPEN");

        Response now = api.as("ida").get("/api/cases/" + caseId);
        Response asOfNow = api.as("ida").get("/api/cases/" + caseId + "?asOf=" + Instant.now().plusSeconds(60));
        assertThat(asOfNow.json()).isEqualTo(now.json());
        assertThat(asOfNow.header("ETag")).isEqualTo(now.header("ETag"));

        Response before = api.as("ida").get("/api/cases/" + caseId + "?asOf=" + beforeOpening);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void badTimeTravelParametersAre400() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        assertThat(api.as("ida").get("/api/cases/" + caseId + "?asOf=last-tuesday").status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/cases/" + caseId + "?version=-1").status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/cases/" + caseId + "?version=0&asOf=2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(api.as("ida").get("/api/cases/00000000-0000-0000-0000-000000000001?version=0").status())
                .isEqualTo(404);
    }
}
