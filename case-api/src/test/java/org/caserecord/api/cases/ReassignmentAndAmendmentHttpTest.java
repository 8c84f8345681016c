package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.referral;
import static org.caserecord.api.support.ClinicalJson.amendment;
import static org.caserecord.api.support.ClinicalJson.consent;
import static org.caserecord.api.support.ClinicalJson.followUp;
import static org.caserecord.api.support.ClinicalJson.reassignment;
import static org.caserecord.api.support.ClinicalJson.riskAssessment;
import static org.caserecord.api.support.ClinicalJson.today;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class ReassignmentAndAmendmentHttpTest {

    private static final String UNKNOWN_ID = "7d1c6a6e-0000-4000-8000-000000000004";

    private final HttpApi api;

    ReassignmentAndAmendmentHttpTest(HttpApi api) {
        this.api = api;
    }

    private String openCaseFor(String manager) {
        Response created = api.as("grace").post("/api/cases", openCase(manager));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "/api/cases/" + created.text("/caseId");
    }

    private boolean caseloadContains(String manager, String caseUrl) {
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        return api.as("grace").get("/api/caseloads/" + manager + "?limit=200").texts("/cases", "caseId")
                .contains(caseId);
    }

    private int eventCount(String caseUrl) {
        return api.as("ida").get(caseUrl + "/history").json().at("/entries").size();
    }

    // --- reassignment ----------------------------------------------------------------------

    @Test
    void reassigningMovesTheCaseFromOneManagersCaseloadToTheOthers() {
        String from = "cm-" + UUID.randomUUID();
        String to = "cm-" + UUID.randomUUID();
        String caseUrl = openCaseFor(from);
        await().atMost(Duration.ofSeconds(2)).until(() -> caseloadContains(from, caseUrl));

        Response reassigned = api.as("grace").post(caseUrl + "/reassignment", reassignment(to));

        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        assertThat(reassigned.text("/id")).isEqualTo(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        assertThat(reassigned.text("/status")).isEqualTo("REASSIGNED");
        assertThat(reassigned.number("/version")).isEqualTo(1);
        assertThat(reassigned.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.as("grace").get(caseUrl).text("/caseManagerId")).isEqualTo(to);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(caseloadContains(to, caseUrl)).isTrue();
            assertThat(caseloadContains(from, caseUrl)).isFalse();
        });
    }

    @Test
    void reassigningToTheCurrentManagerIs409() {
        String manager = "cm-" + UUID.randomUUID();
        String caseUrl = openCaseFor(manager);

        Response response = api.as("grace").post(caseUrl + "/reassignment", reassignment(manager));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("/code")).isEqualTo("ALREADY_ASSIGNED");
        assertThat(eventCount(caseUrl)).isEqualTo(1);
    }

    @Test
    void reassigningWithoutAReasonIs400() {
        String caseUrl = openCaseFor("cm-" + UUID.randomUUID());

        Response response = api.as("grace").post(caseUrl + "/reassignment", "{\"caseManagerId\": \"ben\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("reason");
    }

    @Test
    void reassigningAClosedCaseIs409() {
        String caseUrl = openCaseFor("cm-" + UUID.randomUUID());
        api.as("grace").post(caseUrl + "/closure", closure());

        Response response = api.as("grace").post(caseUrl + "/reassignment", reassignment("ben"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("/code")).isEqualTo("CASE_CLOSED");
    }

    @Test
    void reassigningAnUnknownCaseIs404() {
        Response response = api.as("grace").post("/api/cases/5b0e7c1d-2a3f-4b5c-8d6e-7f8091a2b3c7/reassignment",
                reassignment("ben"));

        assertThat(response.status()).isEqualTo(404);
    }

    // --- amendments ------------------------------------------------------------------------

    @Test
    void amendingAMeetingAnswers201AndTheMeetingShowsTheAmendmentWithItsTextUnchanged() {
        String caseUrl = openCaseFor("ada");
        String meetingId = api.as("ada").post(caseUrl + "/meetings", meeting()).text("/meetingId");

        Response amended = api.as("grace").post(caseUrl + "/amendments",
                amendment(meetingId, "the mother attended by phone", "wrong attendance recorded"));

        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
        String amendmentId = amended.text("/amendmentId");
        assertThat(amendmentId).matches("[0-9a-f-]{36}");
        assertThat(amended.number("/version")).isEqualTo(2);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(amended.header("Location")).isEqualTo(caseUrl);

        JsonNode meeting = api.as("ada").get(caseUrl).json().at("/meetings/0");
        assertThat(meeting.at("/notes").asString()).isEqualTo("discussed housing options");
        assertThat(meeting.at("/amendments").size()).isEqualTo(1);
        JsonNode amendment = meeting.at("/amendments/0");
        assertThat(amendment.at("/amendmentId").asString()).isEqualTo(amendmentId);
        assertThat(amendment.at("/text").asString()).isEqualTo("the mother attended by phone");
        assertThat(amendment.at("/reason").asString()).isEqualTo("wrong attendance recorded");
        assertThat(amendment.at("/recordedBy").asString()).isEqualTo("grace");
        assertThat(amendment.at("/recordedAt").asString()).isNotBlank();
        assertThat(api.as("ada").get(caseUrl + "/meetings/" + meetingId).json().at("/amendments/0/text")
                .asString()).isEqualTo("the mother attended by phone");
    }

    @Test
    void amendingAnAssessmentShowsTheAmendmentsInOrderWithTheSummaryUnchanged() {
        String caseUrl = openCaseFor("ada");
        Instant occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String assessmentId = api.as("ada").post(caseUrl + "/assessments", riskAssessment(occurredAt, "HIGH"))
                .text("/assessmentId");

        api.as("ada").post(caseUrl + "/amendments",
                amendment(assessmentId, "risk reviewed with supervisor", "omission"));
        api.as("ada").post(caseUrl + "/amendments", amendment(assessmentId, "plan shared with GP", "omission"));

        JsonNode assessment = api.as("ada").get(caseUrl).json().at("/assessments/0");
        assertThat(assessment.at("/summary").asString()).isEqualTo("structured interview");
        assertThat(assessment.at("/riskLevel").asString()).isEqualTo("HIGH");
        assertThat(assessment.at("/amendments").size()).isEqualTo(2);
        assertThat(assessment.at("/amendments/0/text").asString()).isEqualTo("risk reviewed with supervisor");
        assertThat(assessment.at("/amendments/1/text").asString()).isEqualTo("plan shared with GP");
        assertThat(api.as("ada").get(caseUrl + "/assessments/" + assessmentId).json().at("/amendments").size())
                .isEqualTo(2);
    }

    @Test
    void amendingAReferralAndAFollowUpShowsTheAmendmentOnEach() {
        String caseUrl = openCaseFor("ada");
        String referralId = api.as("ada").post(caseUrl + "/referrals", referral()).text("/referralId");
        String followUpId = api.as("ada").post(caseUrl + "/follow-ups", followUp(today().plusDays(3)))
                .text("/followUpId");

        assertThat(api.as("ada").post(caseUrl + "/amendments", amendment(referralId, "urgent per GP", "context"))
                .status()).isEqualTo(201);
        assertThat(api.as("ada").post(caseUrl + "/amendments", amendment(followUpId, "by phone", "context"))
                .status()).isEqualTo(201);

        JsonNode caseFile = api.as("ada").get(caseUrl).json();
        assertThat(caseFile.at("/referrals/0/amendments/0/text").asString()).isEqualTo("urgent per GP");
        assertThat(caseFile.at("/followUps/0/amendments/0/text").asString()).isEqualTo("by phone");
        assertThat(caseFile.at("/followUps/0/purpose").asString()).isEqualTo("check medication");
    }

    @Test
    void anAmendedConsentKeepsItsAmendmentWhenRevoked() {
        String caseUrl = openCaseFor("ada");
        String consentId = api.as("ada").post(caseUrl + "/consents", consent(LocalDate.parse("2026-01-15")))
                .text("/consentId");
        api.as("ada").post(caseUrl + "/amendments", amendment(consentId, "verbal consent confirmed in writing",
                "documentation"));

        assertThat(api.as("ada").method("POST", caseUrl + "/consents/" + consentId + "/revocation").status())
                .isEqualTo(200);

        JsonNode consent = api.as("ada").get(caseUrl + "/consents/" + consentId).json();
        assertThat(consent.at("/status").asString()).isEqualTo("REVOKED");
        assertThat(consent.at("/amendments/0/text").asString()).isEqualTo("verbal consent confirmed in writing");
    }

    @Test
    void anEntryOfAnotherCaseCannotBeAmended() {
        String caseUrl = openCaseFor("ada");
        String otherCase = openCaseFor("ada");
        String meetingId = api.as("ada").post(otherCase + "/meetings", meeting()).text("/meetingId");

        Response response = api.as("ada").post(caseUrl + "/amendments", amendment(meetingId, "text", "reason"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("ENTRY_NOT_FOUND");
    }

    @Test
    void amendingAnUnknownEntryIs404() {
        String caseUrl = openCaseFor("ada");

        Response response = api.as("ada").post(caseUrl + "/amendments", amendment(UNKNOWN_ID, "text", "reason"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("ENTRY_NOT_FOUND");
        assertThat(eventCount(caseUrl)).isEqualTo(1);
    }

    @Test
    void amendingAnAmendmentIs404() {
        String caseUrl = openCaseFor("ada");
        String meetingId = api.as("ada").post(caseUrl + "/meetings", meeting()).text("/meetingId");
        String amendmentId = api.as("ada").post(caseUrl + "/amendments", amendment(meetingId, "text", "reason"))
                .text("/amendmentId");

        Response response = api.as("ada").post(caseUrl + "/amendments", amendment(amendmentId, "more", "reason"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("ENTRY_NOT_FOUND");
    }

    @Test
    void anAmendmentWithoutAReasonIs400() {
        String caseUrl = openCaseFor("ada");
        String meetingId = api.as("ada").post(caseUrl + "/meetings", meeting()).text("/meetingId");

        Response response = api.as("ada").post(caseUrl + "/amendments", amendment(meetingId, "text", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("reason");
        assertThat(eventCount(caseUrl)).isEqualTo(2);
    }

    @Test
    void anAmendmentWithoutEntryIdIs400() {
        String caseUrl = openCaseFor("ada");

        Response response = api.as("ada").post(caseUrl + "/amendments", "{\"text\": \"t\", \"reason\": \"r\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("entryId");
    }
}
