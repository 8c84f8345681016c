package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.outcome;
import static org.caserecord.api.support.CaseJson.referral;
import static org.caserecord.api.support.CaseJson.reopening;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class CaseLifecycleHttpTest {

    private final HttpApi api;


    CaseLifecycleHttpTest(HttpApi api) {
        this.api = api;
    }

    private String openCaseFor(String manager) {
        Response created = api.as("ada").post("/api/cases", openCase(manager));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/caseId");
    }

    @Test
    void openingACaseAnswers201WithLocationETagIdAndVersion() {
        Response created = api.as("ada").post("/api/cases", openCase("ada"));

        assertThat(created.status()).isEqualTo(201);
        String caseId = created.text("/caseId");
        assertThat(caseId).matches("[0-9a-f-]{36}");
        assertThat(created.number("/version")).isZero();
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void theCaseManagerDefaultsToTheCallerAndOpenedOnToToday() {
        Response created = api.as("ben").post("/api/cases",
                "{\"client\": {\"name\": \"Sam Lee\", \"dateOfBirth\": \"1985-07-01\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Response caseFile = api.as("ben").get("/api/cases/" + created.text("/caseId"));
        assertThat(caseFile.text("/caseManagerId")).isEqualTo("ben");
        assertThat(caseFile.text("/openedOn")).isNotNull();
    }

    @Test
    void readingACaseReturnsTheCaseFileWithItsVersionAsETag() {
        String caseId = openCaseFor("ada");
        Instant occurredAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Response meeting = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting(occurredAt, 50));
        Response referral = api.as("ada").post("/api/cases/" + caseId + "/referrals", referral());

        Response caseFile = api.as("ada").get("/api/cases/" + caseId);

        assertThat(caseFile.status()).isEqualTo(200);
        assertThat(caseFile.header("ETag")).isEqualTo("\"2\"");
        JsonNode body = caseFile.json();
        assertThat(body.at("/status").asString()).isEqualTo("OPEN");
        assertThat(body.at("/client/name").asString()).isEqualTo("Jordan Rivera");
        assertThat(body.at("/caseManagerId").asString()).isEqualTo("ada");
        assertThat(body.at("/openedOn").asString()).isEqualTo("2026-01-05");
        assertThat(body.at("/meetings/0/meetingId").asString()).isEqualTo(meeting.text("/meetingId"));
        assertThat(body.at("/meetings/0/occurredAt").asString()).isEqualTo(occurredAt.toString());
        assertThat(body.at("/meetings/0/durationMinutes").asInt()).isEqualTo(50);
        assertThat(body.at("/meetings/0/attendees/1/role").asString()).isEqualTo("client");
        assertThat(body.at("/referrals/0/referralId").asString()).isEqualTo(referral.text("/referralId"));
        assertThat(body.at("/referrals/0/status").asString()).isEqualTo("PENDING");
    }

    @Test
    void recordingAMeetingAnswers201WithTheMeetingIdAndNewVersion() {
        String caseId = openCaseFor("ada");

        Response recorded = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.number("/version")).isEqualTo(1);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
        String meetingId = recorded.text("/meetingId");
        assertThat(recorded.header("Location")).isEqualTo("/api/cases/" + caseId + "/meetings/" + meetingId);
        assertThat(api.as("ada").get(recorded.header("Location")).text("/type")).isEqualTo("FAMILY");
    }

    @Test
    void aReferralMovesThroughItsOutcomes() {
        String caseId = openCaseFor("ada");
        Response added = api.as("ada").post("/api/cases/" + caseId + "/referrals", referral());
        assertThat(added.status()).isEqualTo(201);
        String referral = "/api/cases/" + caseId + "/referrals/" + added.text("/referralId");
        assertThat(added.header("Location")).isEqualTo(referral);

        Response accepted = api.as("ada").post(referral + "/outcome", outcome("ACCEPTED", null));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("/status")).isEqualTo("ACCEPTED");
        Response completed = api.as("ada").post(referral + "/outcome", outcome("COMPLETED", "placed in housing"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.number("/version")).isEqualTo(3);

        Response read = api.as("ada").get(referral);
        assertThat(read.text("/status")).isEqualTo("COMPLETED");
        assertThat(read.text("/outcomeReason")).isEqualTo("placed in housing");
    }

    @Test
    void anOutcomeNotAllowedByTheReferralLifecycleIs409() {
        String caseId = openCaseFor("ada");
        String referral = "/api/cases/" + caseId + "/referrals/"
                + api.as("ada").post("/api/cases/" + caseId + "/referrals", referral()).text("/referralId");

        Response completed = api.as("ada").post(referral + "/outcome", outcome("COMPLETED", null));

        assertThat(completed.status()).isEqualTo(409);
        assertThat(completed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(completed.text("/code")).isEqualTo("REFERRAL_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void decliningAReferralWithoutAReasonIs400WithTheField() {
        String caseId = openCaseFor("ada");
        String referral = "/api/cases/" + caseId + "/referrals/"
                + api.as("ada").post("/api/cases/" + caseId + "/referrals", referral()).text("/referralId");

        Response declined = api.as("ada").post(referral + "/outcome", outcome("DECLINED", null));

        assertThat(declined.status()).isEqualTo(400);
        assertThat(declined.text("/errors/0/field")).isEqualTo("reason");
        assertThat(api.as("ada").get("/api/cases/" + caseId).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anOutcomeForAnUnknownReferralIs404() {
        String caseId = openCaseFor("ada");

        Response response = api.as("ada").post("/api/cases/" + caseId + "/referrals/"
                + "7d1c6a6e-0000-4000-8000-000000000000/outcome", outcome("ACCEPTED", null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("REFERRAL_NOT_FOUND");
    }

    @Test
    void aCaseWithAnOpenReferralCannotCloseUntilTheReferralHasAFinalOutcome() {
        String caseId = openCaseFor("ada");
        String referral = "/api/cases/" + caseId + "/referrals/"
                + api.as("ada").post("/api/cases/" + caseId + "/referrals", referral()).text("/referralId");

        Response refused = api.as("ada").post("/api/cases/" + caseId + "/closure", closure());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/code")).isEqualTo("OPEN_REFERRALS_BLOCK_CLOSURE");

        api.as("ada").post(referral + "/outcome", outcome("CANCELLED", "client declined the service"));
        Response closed = api.as("ada").post("/api/cases/" + caseId + "/closure", closure());
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
    }

    @Test
    void aClosedCaseRefusesEverythingButReopening() {
        String caseId = openCaseFor("ada");
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/closure", closure()).status()).isEqualTo(200);
        Response caseFile = api.as("ada").get("/api/cases/" + caseId);
        assertThat(caseFile.text("/status")).isEqualTo("CLOSED");
        assertThat(caseFile.text("/closureReason")).isEqualTo("RELEASED_FROM_TREATMENT");
        assertThat(caseFile.text("/closedOn")).isEqualTo("2026-02-01");

        Response meeting = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        assertThat(meeting.status()).isEqualTo(409);
        assertThat(meeting.text("/code")).isEqualTo("CASE_CLOSED");
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/referrals", referral()).status()).isEqualTo(409);
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/closure", closure()).status()).isEqualTo(409);

        Response reopened = api.as("ada").post("/api/cases/" + caseId + "/reopening", reopening());
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.text("/status")).isEqualTo("OPEN");
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).status()).isEqualTo(201);
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/reopening", reopening()).status()).isEqualTo(409);
    }

    @Test
    void aMeetingInTheFutureIs400AndChangesNothing() {
        String caseId = openCaseFor("ada");

        Response response = api.as("ada").post("/api/cases/" + caseId + "/meetings",
                meeting(Instant.now().plus(1, ChronoUnit.DAYS), 30));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("occurredAt");
        assertThat(api.as("ada").get("/api/cases/" + caseId + "/history").json().at("/entries").size()).isEqualTo(1);
    }

    @Test
    void aMeetingDurationOutsideOneToFourteenFortyMinutesIs400() {
        String caseId = openCaseFor("ada");

        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings",
                meeting(Instant.now().minusSeconds(600), 0)).status()).isEqualTo(400);
        Response tooLong = api.as("ada").post("/api/cases/" + caseId + "/meetings",
                meeting(Instant.now().minusSeconds(600), 1441));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("/errors/0/field")).isEqualTo("durationMinutes");
    }

    @Test
    void anUnknownCaseIs404ForReadsAndWrites() {
        String unknown = "/api/cases/5b0e7c1d-2a3f-4b5c-8d6e-7f8091a2b3c4";

        Response read = api.as("ada").get(unknown);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as("ada").post(unknown + "/meetings", meeting()).status()).isEqualTo(404);
        assertThat(api.as("ada").post(unknown + "/referrals", referral()).status()).isEqualTo(404);
        assertThat(api.as("ada").post(unknown + "/closure", closure()).status()).isEqualTo(404);
        assertThat(api.as("ada").post(unknown + "/reopening", reopening()).status()).isEqualTo(404);
        assertThat(api.as("ada").get(unknown + "/history").status()).isEqualTo(404);
    }
}
