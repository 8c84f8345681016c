package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.ClinicalJson.consent;
import static org.caserecord.api.support.ClinicalJson.diagnosis;
import static org.caserecord.api.support.ClinicalJson.followUp;
import static org.caserecord.api.support.ClinicalJson.followUpCompletion;
import static org.caserecord.api.support.ClinicalJson.newGoal;
import static org.caserecord.api.support.ClinicalJson.riskAssessment;
import static org.caserecord.api.support.ClinicalJson.today;
import static org.caserecord.api.support.ClinicalJson.treatmentPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** If-Match and Idempotency-Key on the clinical record's writes. */
@ApiTest
class ClinicalPreconditionsAndIdempotencyHttpTest {

    private static final String ASSESSMENT = riskAssessment(Instant.parse("2026-01-10T10:00:00Z"), "MODERATE");
    private static final String DIAGNOSIS = diagnosis("F32.1", false, LocalDate.parse("2026-01-10"));

    private final HttpApi api;
    String caseUrl;

    ClinicalPreconditionsAndIdempotencyHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    @Test
    void anAssessmentWithTheCurrentVersionInIfMatchSucceedsAndAStaleOneIs412() {
        Response current = api.as("ada").header("If-Match", "\"0\"").post(caseUrl + "/assessments", ASSESSMENT);
        assertThat(current.status()).isEqualTo(201);

        Response stale = api.as("ada").header("If-Match", "\"0\"").post(caseUrl + "/assessments", ASSESSMENT);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aTreatmentPlanWithAStaleIfMatchIs412() {
        api.as("ada").post(caseUrl + "/follow-ups", followUp(today()));

        Response stale = api.as("ada").header("If-Match", "\"0\"").put(caseUrl + "/treatment-plan",
                treatmentPlan(newGoal("sleep")));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.as("ada").get(caseUrl).text("/treatmentPlan")).isNull();
        assertThat(api.as("ada").header("If-Match", "\"1\"").put(caseUrl + "/treatment-plan",
                treatmentPlan(newGoal("sleep"))).status()).isEqualTo(200);
    }

    @Test
    void completingAFollowUpWithAStaleIfMatchIs412() {
        String followUpId = api.as("ada").post(caseUrl + "/follow-ups", followUp(today())).text("/followUpId");
        api.as("ada").post(caseUrl + "/consents", consent(LocalDate.parse("2026-01-15")));

        Response stale = api.as("ada").header("If-Match", "\"1\"").post(
                caseUrl + "/follow-ups/" + followUpId + "/completion",
                followUpCompletion(Instant.parse("2026-01-20T10:00:00Z")));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.as("ada").get(caseUrl + "/follow-ups/" + followUpId).text("/status")).isEqualTo("SCHEDULED");
    }

    @Test
    void revokingAConsentWithAStaleIfMatchIs412() {
        String consentId = api.as("ada").post(caseUrl + "/consents", consent(LocalDate.parse("2026-01-15")))
                .text("/consentId");

        Response stale = api.as("ada").header("If-Match", "\"0\"")
                .method("POST", caseUrl + "/consents/" + consentId + "/revocation");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aRetriedAssessmentWithTheSameIdempotencyKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Response first = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/assessments", ASSESSMENT);
        Response retry = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/assessments", ASSESSMENT);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/assessmentId")).isEqualTo(first.text("/assessmentId"));
        assertThat(retry.number("/version")).isEqualTo(first.number("/version"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(2);
        assertThat(api.as("ada").get(caseUrl).json().at("/assessments").size()).isEqualTo(1);
    }

    @Test
    void aRetriedDiagnosisWithTheSameIdempotencyKeyDoesNotRecordItTwice() {
        String key = UUID.randomUUID().toString();
        Response first = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/diagnoses", DIAGNOSIS);
        Response retry = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/diagnoses", DIAGNOSIS);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/diagnosisId")).isEqualTo(first.text("/diagnosisId"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aRetriedTreatmentPlanWithTheSameIdempotencyKeyDoesNotMakeASecondVersion() {
        String key = UUID.randomUUID().toString();
        String plan = treatmentPlan(newGoal("sleep seven hours"));
        Response first = api.as("ada").header("Idempotency-Key", key).put(caseUrl + "/treatment-plan", plan);
        Response retry = api.as("ada").header("Idempotency-Key", key).put(caseUrl + "/treatment-plan", plan);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.number("/planVersion")).isEqualTo(1);
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.as("ada").get(caseUrl).json().at("/treatmentPlanVersions").size()).isEqualTo(1);
    }

    @Test
    void aRetriedConsentRevocationWithoutBodyReplaysInsteadOfFailingWith409() {
        String consentId = api.as("ada").post(caseUrl + "/consents", consent(LocalDate.parse("2026-01-15")))
                .text("/consentId");
        String key = UUID.randomUUID().toString();
        String revocation = caseUrl + "/consents/" + consentId + "/revocation";

        Response first = api.as("ada").header("Idempotency-Key", key).method("POST", revocation);
        Response retry = api.as("ada").header("Idempotency-Key", key).method("POST", revocation);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/status")).isEqualTo("REVOKED");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyOnAnotherClinicalEndpointIs422() {
        String key = UUID.randomUUID().toString();
        api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/assessments", ASSESSMENT);

        Response other = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/diagnoses", DIAGNOSIS);

        assertThat(other.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(2);
    }
}
