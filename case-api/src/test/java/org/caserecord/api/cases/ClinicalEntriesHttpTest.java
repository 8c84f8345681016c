package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.ClinicalJson.consent;
import static org.caserecord.api.support.ClinicalJson.education;
import static org.caserecord.api.support.ClinicalJson.familyMember;
import static org.caserecord.api.support.ClinicalJson.followUp;
import static org.caserecord.api.support.ClinicalJson.followUpCompletion;
import static org.caserecord.api.support.ClinicalJson.providerReport;
import static org.caserecord.api.support.ClinicalJson.revocation;
import static org.caserecord.api.support.ClinicalJson.riskAssessment;
import static org.caserecord.api.support.ClinicalJson.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Provider reports, follow-ups, education, family members and consents, and reading single entries. */
@ApiTest
class ClinicalEntriesHttpTest {

    private static final String UNKNOWN_ID = "7d1c6a6e-0000-4000-8000-000000000003";

    private final HttpApi api;
    String caseUrl;

    ClinicalEntriesHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        Response created = api.as("ada").post("/api/cases", openCase("ada"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        caseUrl = "/api/cases/" + created.text("/caseId");
    }

    private Response created(String collection, String body, String idField) {
        Response response = api.as("ada").post(caseUrl + "/" + collection, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo(caseUrl + "/" + collection + "/" + response.text(idField));
        assertThat(response.header("ETag")).isEqualTo("\"" + response.number("/version") + "\"");
        return response;
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    private static Instant anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    // --- provider reports ------------------------------------------------------------------

    @Test
    void recordingAProviderReportAnswers201AndTheCaseShowsIt() {
        Response recorded = created("provider-reports", providerReport(LocalDate.parse("2026-02-03"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")), "/reportId");

        assertThat(recorded.number("/version")).isEqualTo(1);
        JsonNode report = api.as("ada").get(caseUrl).json().at("/providerReports/0");
        assertThat(report.at("/reportId").asString()).isEqualTo(recorded.text("/reportId"));
        assertThat(report.at("/provider/name").asString()).isEqualTo("Northside Counseling");
        assertThat(report.at("/provider/type").asString()).isEqualTo("COUNSELING");
        assertThat(report.at("/receivedOn").asString()).isEqualTo("2026-02-03");
        assertThat(report.at("/periodFrom").asString()).isEqualTo("2026-01-01");
        assertThat(report.at("/periodTo").asString()).isEqualTo("2026-01-31");
        assertThat(report.at("/summary").asString()).isEqualTo("attended 4 of 4 sessions");
    }

    @Test
    void aProviderReportWhosePeriodEndsBeforeItStartsIs400() {
        Response response = api.as("ada").post(caseUrl + "/provider-reports", providerReport(
                LocalDate.parse("2026-02-03"), LocalDate.parse("2026-01-31"), LocalDate.parse("2026-01-01")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("PERIOD_ENDS_BEFORE_IT_STARTS");
        assertThat(response.text("/errors/0/field")).isEqualTo("periodTo");
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void aProviderReportReceivedInTheFutureIs400() {
        Response response = api.as("ada").post(caseUrl + "/provider-reports", providerReport(
                today().plusDays(3), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("receivedOn");
    }

    // --- follow-ups ------------------------------------------------------------------------

    @Test
    void schedulingAFollowUpAnswers201AndTheCaseShowsItScheduled() {
        LocalDate dueOn = today().plusDays(7);

        Response scheduled = created("follow-ups", followUp(dueOn), "/followUpId");

        JsonNode followUp = api.as("ada").get(caseUrl).json().at("/followUps/0");
        assertThat(followUp.at("/followUpId").asString()).isEqualTo(scheduled.text("/followUpId"));
        assertThat(followUp.at("/dueOn").asString()).isEqualTo(dueOn.toString());
        assertThat(followUp.at("/purpose").asString()).isEqualTo("check medication");
        assertThat(followUp.at("/status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aFollowUpWithoutDueDateIs400() {
        Response response = api.as("ada").post(caseUrl + "/follow-ups", "{\"purpose\": \"call\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("dueOn");
    }

    @Test
    void completingAFollowUpAnswers200AndTheCaseShowsItCompleted() {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");
        Instant occurredAt = anHourAgo();

        Response completed = api.as("ada").post(caseUrl + "/follow-ups/" + followUpId + "/completion",
                followUpCompletion(occurredAt));

        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("/id")).isEqualTo(followUpId);
        assertThat(completed.text("/status")).isEqualTo("COMPLETED");
        assertThat(completed.number("/version")).isEqualTo(2);
        assertThat(completed.header("ETag")).isEqualTo("\"2\"");
        JsonNode followUp = api.as("ada").get(caseUrl + "/follow-ups/" + followUpId).json();
        assertThat(followUp.at("/status").asString()).isEqualTo("COMPLETED");
        assertThat(followUp.at("/completedAt").asString()).isEqualTo(occurredAt.toString());
        assertThat(followUp.at("/outcome").asString()).isEqualTo("medication adjusted");
        assertThat(followUp.at("/clientSatisfiedWithTreatment").asBoolean()).isTrue();
    }

    @Test
    void completingAFollowUpTwiceIs409() {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");
        api.as("ada").post(caseUrl + "/follow-ups/" + followUpId + "/completion", followUpCompletion(anHourAgo()));

        Response again = api.as("ada").post(caseUrl + "/follow-ups/" + followUpId + "/completion",
                followUpCompletion(anHourAgo()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("FOLLOW_UP_ALREADY_COMPLETED");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void ofConcurrentCompletionsOfOneFollowUpExactlyOneSucceeds() throws Exception {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(() -> api.as("ada").post(caseUrl + "/follow-ups/" + followUpId + "/completion",
                        followUpCompletion(anHourAgo())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                statuses.add(result.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409, 409);
            assertThat(eventCount()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completingAnUnknownFollowUpIs404() {
        Response response = api.as("ada").post(caseUrl + "/follow-ups/" + UNKNOWN_ID + "/completion",
                followUpCompletion(anHourAgo()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("FOLLOW_UP_NOT_FOUND");
    }

    @Test
    void completingAFollowUpInTheFutureIs400() {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");

        Response response = api.as("ada").post(caseUrl + "/follow-ups/" + followUpId + "/completion",
                followUpCompletion(Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("occurredAt");
    }

    // --- education -------------------------------------------------------------------------

    @Test
    void recordingEducationAnswers201AndTheCaseShowsIt() {
        Response recorded = created("education", education("WRITTEN"), "/educationId");

        JsonNode entry = api.as("ada").get(caseUrl).json().at("/education/0");
        assertThat(entry.at("/educationId").asString()).isEqualTo(recorded.text("/educationId"));
        assertThat(entry.at("/recipient").asString()).isEqualTo("FAMILY_MEMBER");
        assertThat(entry.at("/recipientName").asString()).isEqualTo("Lee Chen");
        assertThat(entry.at("/topic").asString()).isEqualTo("recognising relapse signs");
        assertThat(entry.at("/format").asString()).isEqualTo("WRITTEN");
        assertThat(entry.at("/materials/0").asString()).isEqualTo("leaflet 12");
        assertThat(entry.at("/occurredAt").asString()).isEqualTo("2026-01-12T10:00:00Z");
    }

    @Test
    void educationWithAnUnknownFormatIs400WithTheField() {
        Response response = api.as("ada").post(caseUrl + "/education", education("VIDEO"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/errors/0/field")).isEqualTo("format");
        assertThat(response.body()).doesNotContain("VIDEO");
        assertThat(eventCount()).isEqualTo(1);
    }

    // --- family members --------------------------------------------------------------------

    @Test
    void addingAFamilyMemberAnswers201AndTheCaseShowsIt() {
        Response added = created("family-members", familyMember("Lee Chen"), "/memberId");

        JsonNode member = api.as("ada").get(caseUrl).json().at("/familyMembers/0");
        assertThat(member.at("/memberId").asString()).isEqualTo(added.text("/memberId"));
        assertThat(member.at("/name").asString()).isEqualTo("Lee Chen");
        assertThat(member.at("/relationship").asString()).isEqualTo("sister");
        assertThat(member.at("/contact").asString()).isEqualTo("555-0100");
        assertThat(member.at("/involvedInTreatment").asBoolean()).isTrue();
    }

    @Test
    void aFamilyMemberWithoutNameIs400() {
        Response missing = api.as("ada").post(caseUrl + "/family-members", familyMember(null));
        Response blank = api.as("ada").post(caseUrl + "/family-members", familyMember("  "));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/errors/0/field")).isEqualTo("name");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("/errors/0/field")).isEqualTo("name");
        assertThat(eventCount()).isEqualTo(1);
    }

    // --- consents --------------------------------------------------------------------------

    private String recordConsent() {
        return created("consents", consent(LocalDate.parse("2026-01-15")), "/consentId").text("/consentId");
    }

    @Test
    void recordingAConsentAnswers201AndTheCaseShowsItActive() {
        String consentId = recordConsent();

        JsonNode entry = api.as("ada").get(caseUrl).json().at("/consents/0");
        assertThat(entry.at("/consentId").asString()).isEqualTo(consentId);
        assertThat(entry.at("/scope").asString()).isEqualTo("SHARE_WITH_FAMILY");
        assertThat(entry.at("/grantedTo").asString()).isEqualTo("Lee Chen");
        assertThat(entry.at("/grantedOn").asString()).isEqualTo("2026-01-15");
        assertThat(entry.at("/validUntil").asString()).isEqualTo("2027-12-31");
        assertThat(entry.at("/status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aConsentThatExpiresBeforeItWasGrantedIs400() {
        Response response = api.as("ada").post(caseUrl + "/consents", """
                {"scope": "SHARE_WITH_PROVIDER", "grantedTo": "Northside", "grantedOn": "2026-02-01",
                 "validUntil": "2026-01-01"}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("validUntil");
    }

    @Test
    void revokingAConsentWithoutABodyAnswers200AndRevokesItToday() {
        String consentId = recordConsent();

        Response revoked = api.as("ada").method("POST", caseUrl + "/consents/" + consentId + "/revocation");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("/id")).isEqualTo(consentId);
        assertThat(revoked.text("/status")).isEqualTo("REVOKED");
        assertThat(revoked.number("/version")).isEqualTo(2);
        assertThat(revoked.header("ETag")).isEqualTo("\"2\"");
        JsonNode entry = api.as("ada").get(caseUrl + "/consents/" + consentId).json();
        assertThat(entry.at("/status").asString()).isEqualTo("REVOKED");
        assertThat(entry.at("/revokedOn").asString()).isEqualTo(today().toString());
    }

    @Test
    void revokingAConsentWithAnEmptyJsonBodyAnswers200() {
        String consentId = recordConsent();

        Response revoked = api.as("ada").post(caseUrl + "/consents/" + consentId + "/revocation", "");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("/status")).isEqualTo("REVOKED");
    }

    @Test
    void revokingAConsentWithABodyUsesItsDate() {
        String consentId = recordConsent();

        Response revoked = api.as("ada").post(caseUrl + "/consents/" + consentId + "/revocation",
                revocation(LocalDate.parse("2026-03-01")));

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("/status")).isEqualTo("REVOKED");
        assertThat(api.as("ada").get(caseUrl).json().at("/consents/0/revokedOn").asString()).isEqualTo("2026-03-01");
    }

    @Test
    void revokingAConsentBeforeItWasGrantedIs400() {
        String consentId = recordConsent();

        Response response = api.as("ada").post(caseUrl + "/consents/" + consentId + "/revocation",
                revocation(LocalDate.parse("2026-01-14")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("revokedOn");
    }

    @Test
    void revokingAConsentInTheFutureIs400() {
        String consentId = recordConsent();

        Response response = api.as("ada").post(caseUrl + "/consents/" + consentId + "/revocation",
                revocation(today().plusDays(2)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("DATE_IN_FUTURE");
        assertThat(response.text("/errors/0/field")).isEqualTo("revokedOn");
    }

    @Test
    void revokingAConsentTwiceIs409() {
        String consentId = recordConsent();
        api.as("ada").method("POST", caseUrl + "/consents/" + consentId + "/revocation");

        Response again = api.as("ada").post(caseUrl + "/consents/" + consentId + "/revocation",
                revocation(LocalDate.parse("2026-03-01")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("CONSENT_ALREADY_REVOKED");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void revokingAnUnknownConsentIs404() {
        Response response = api.as("ada").method("POST", caseUrl + "/consents/" + UNKNOWN_ID + "/revocation");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("CONSENT_NOT_FOUND");
    }

    // --- reading single entries ------------------------------------------------------------

    @Test
    void eachKindOfEntryCanBeReadAtItsLocationWithTheCaseVersionAsETag() {
        String[] locations = {
                created("assessments", riskAssessment(anHourAgo(), "LOW"), "/assessmentId").header("Location"),
                created("provider-reports", providerReport(LocalDate.parse("2026-02-03"),
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")), "/reportId").header("Location"),
                created("follow-ups", followUp(today()), "/followUpId").header("Location"),
                created("education", education("VERBAL"), "/educationId").header("Location"),
                created("family-members", familyMember("Lee Chen"), "/memberId").header("Location"),
                created("consents", consent(LocalDate.parse("2026-01-15")), "/consentId").header("Location"),
        };

        for (String location : locations) {
            Response read = api.as("ida").get(location);
            assertThat(read.status()).as(location).isEqualTo(200);
            assertThat(read.header("ETag")).as(location).isEqualTo("\"6\"");
            assertThat(read.body()).as(location).contains(location.substring(location.lastIndexOf('/') + 1));
        }
    }

    @Test
    void anUnknownEntryIs404() {
        created("follow-ups", followUp(today()), "/followUpId");

        for (String collection : new String[] {"assessments", "diagnoses", "goal-progress", "provider-reports",
                "follow-ups", "education", "family-members", "consents"}) {
            Response response = api.as("ada").get(caseUrl + "/" + collection + "/" + UNKNOWN_ID);
            assertThat(response.status()).as(collection).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(collection).startsWith("application/problem+json");
        }
    }

    @Test
    void anEntryIsNotFoundUnderAnotherCollection() {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");

        assertThat(api.as("ada").get(caseUrl + "/consents/" + followUpId).status()).isEqualTo(404);
        assertThat(api.as("ada").get(caseUrl + "/follow-ups/" + followUpId).status()).isEqualTo(200);
    }

    @Test
    void anEntryOfAnotherCaseIsNotFound() {
        String followUpId = created("follow-ups", followUp(today()), "/followUpId").text("/followUpId");
        String otherCase = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        assertThat(api.as("ada").get(otherCase + "/follow-ups/" + followUpId).status()).isEqualTo(404);
    }

    @Test
    void anEntryOfAnUnknownCaseIs404() {
        Response response = api.as("ada").get("/api/cases/5b0e7c1d-2a3f-4b5c-8d6e-7f8091a2b3c6/follow-ups/"
                + UNKNOWN_ID);

        assertThat(response.status()).isEqualTo(404);
    }
}
