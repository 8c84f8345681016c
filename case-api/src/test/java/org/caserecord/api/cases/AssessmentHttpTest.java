package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.ClinicalJson.assessment;
import static org.caserecord.api.support.ClinicalJson.riskAssessment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class AssessmentHttpTest {

    private final HttpApi api;
    String caseUrl;

    AssessmentHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        Response created = api.as("ada").post("/api/cases", openCase("ada"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        caseUrl = "/api/cases/" + created.text("/caseId");
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    @Test
    void recordingAnAssessmentAnswers201WithIdVersionLocationAndETag() {
        Instant occurredAt = hoursAgo(2);

        Response recorded = api.as("ada").post(caseUrl + "/assessments", assessment("NEEDS", occurredAt, null));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String assessmentId = recorded.text("/assessmentId");
        assertThat(assessmentId).matches("[0-9a-f-]{36}");
        assertThat(recorded.number("/version")).isEqualTo(1);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
        assertThat(recorded.header("Location")).isEqualTo(caseUrl + "/assessments/" + assessmentId);

        Response caseFile = api.as("ada").get(caseUrl);
        assertThat(caseFile.header("ETag")).isEqualTo("\"1\"");
        JsonNode entry = caseFile.json().at("/assessments/0");
        assertThat(entry.at("/assessmentId").asString()).isEqualTo(assessmentId);
        assertThat(entry.at("/type").asString()).isEqualTo("NEEDS");
        assertThat(entry.at("/occurredAt").asString()).isEqualTo(occurredAt.toString());
        assertThat(entry.at("/summary").asString()).isEqualTo("structured interview");
        assertThat(entry.at("/needs/1").asString()).isEqualTo("peer support");
        assertThat(entry.at("/recordedBy").asString()).isEqualTo("ada");
        assertThat(entry.at("/amendments").size()).isZero();
        assertThat(caseFile.text("/riskLevel")).isNull();
    }

    @Test
    void theRecordedAssessmentCanBeReadAtItsLocation() {
        Response recorded = api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(1), "MODERATE"));

        Response read = api.as("ida").get(recorded.header("Location"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.text("/assessmentId")).isEqualTo(recorded.text("/assessmentId"));
        assertThat(read.text("/riskLevel")).isEqualTo("MODERATE");
    }

    @Test
    void aRiskAssessmentWithoutRiskLevelIs400WithTheFieldAndAppendsNothing() {
        Response response = api.as("ada").post(caseUrl + "/assessments", assessment("RISK", hoursAgo(1), null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/code")).isEqualTo("RISK_LEVEL_REQUIRED");
        assertThat(response.text("/errors/0/field")).isEqualTo("riskLevel");
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void theLatestRiskAssessmentIsTheCasesRiskLevel() {
        api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(48), "LOW"));
        assertThat(api.as("ada").get(caseUrl).text("/riskLevel")).isEqualTo("LOW");

        api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(1), "HIGH"));

        assertThat(api.as("ada").get(caseUrl).text("/riskLevel")).isEqualTo("HIGH");
    }

    @Test
    void aBackDatedRiskAssessmentDoesNotOverrideANewerOne() {
        api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(1), "HIGH"));

        Response backDated = api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(24 * 10), "LOW"));

        assertThat(backDated.status()).isEqualTo(201);
        Response caseFile = api.as("ada").get(caseUrl);
        assertThat(caseFile.text("/riskLevel")).isEqualTo("HIGH");
        assertThat(caseFile.texts("/assessments", "riskLevel")).containsExactly("HIGH", "LOW");
    }

    @Test
    void anAssessmentInTheFutureIs400() {
        Response response = api.as("ada").post(caseUrl + "/assessments",
                riskAssessment(Instant.now().plus(1, ChronoUnit.DAYS), "LOW"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/code")).isEqualTo("DATE_IN_FUTURE");
        assertThat(response.text("/errors/0/field")).isEqualTo("occurredAt");
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void anAssessmentWithoutTypeIs400() {
        Response response = api.as("ada").post(caseUrl + "/assessments",
                "{\"occurredAt\": \"2026-01-10T10:00:00Z\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("type");
    }

    @Test
    void anAssessmentOfAnUnknownCaseIs404() {
        Response response = api.as("ada").post("/api/cases/5b0e7c1d-2a3f-4b5c-8d6e-7f8091a2b3c5/assessments",
                riskAssessment(hoursAgo(1), "LOW"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anAssessmentOfAClosedCaseIs409() {
        assertThat(api.as("ada").post(caseUrl + "/closure", closure()).status()).isEqualTo(200);

        Response response = api.as("ada").post(caseUrl + "/assessments", riskAssessment(hoursAgo(1), "LOW"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("/code")).isEqualTo("CASE_CLOSED");
        assertThat(eventCount()).isEqualTo(2);
    }
}
