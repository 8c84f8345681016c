package org.caserecord.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.ClinicalJson.diagnosis;
import static org.caserecord.api.support.ClinicalJson.resolution;
import static org.caserecord.api.support.ClinicalJson.today;

import java.time.LocalDate;
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

@ApiTest
class DiagnosisHttpTest {

    private static final LocalDate DIAGNOSED_ON = LocalDate.parse("2026-01-10");

    private final HttpApi api;
    String caseUrl;

    DiagnosisHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        Response created = api.as("ada").post("/api/cases", openCase("ada"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        caseUrl = "/api/cases/" + created.text("/caseId");
    }

    private String recordDiagnosis(String code, boolean primary) {
        Response recorded = api.as("ada").post(caseUrl + "/diagnoses", diagnosis(code, primary, DIAGNOSED_ON));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.text("/diagnosisId");
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    @Test
    void recordingADiagnosisAnswers201AndTheCaseShowsIt() {
        Response recorded = api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F32.0", true, DIAGNOSED_ON));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String diagnosisId = recorded.text("/diagnosisId");
        assertThat(diagnosisId).matches("[0-9a-f-]{36}");
        assertThat(recorded.number("/version")).isEqualTo(1);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
        assertThat(recorded.header("Location")).isEqualTo(caseUrl + "/diagnoses/" + diagnosisId);

        JsonNode entry = api.as("ada").get(caseUrl).json().at("/diagnoses/0");
        assertThat(entry.at("/diagnosisId").asString()).isEqualTo(diagnosisId);
        assertThat(entry.at("/code").asString()).isEqualTo("F32.0");
        assertThat(entry.at("/primary").asBoolean()).isTrue();
        assertThat(entry.at("/diagnosedBy").asString()).isEqualTo("Dr. Okafor");
        assertThat(entry.at("/diagnosedOn").asString()).isEqualTo("2026-01-10");
        assertThat(entry.at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(api.as("ada").get(recorded.header("Location")).text("/code")).isEqualTo("F32.0");
    }

    @Test
    void wellFormedCodesOfSeveralShapesAreAccepted() {
        recordDiagnosis("F43.10", false);
        recordDiagnosis("Z63.0", false);
        recordDiagnosis("F20", false);

        assertThat(api.as("ada").get(caseUrl).texts("/diagnoses", "code")).containsExactly("F43.10", "Z63.0", "F20");
    }

    @Test
    void aMalformedCodeIs400WithTheFieldCode() {
        for (String code : new String[] {"F3", "32.1", "f32.1", "U07.1", "F32.12345"}) {
            Response response = api.as("ada").post(caseUrl + "/diagnoses", diagnosis(code, false, DIAGNOSED_ON));

            assertThat(response.status()).as(code).isEqualTo(400);
            assertThat(response.text("/errors/0/field")).as(code).isEqualTo("code");
        }
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void aDiagnosisDatedInTheFutureIs400() {
        Response response = api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F32.1", false, today().plusDays(2)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("diagnosedOn");
    }

    @Test
    void aSecondActivePrimaryDiagnosisIs409() {
        recordDiagnosis("F32.1", true);

        Response second = api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F41.1", true, DIAGNOSED_ON));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.text("/code")).isEqualTo("PRIMARY_DIAGNOSIS_EXISTS");
        assertThat(api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F41.1", false, DIAGNOSED_ON)).status())
                .as("a secondary diagnosis is still allowed").isEqualTo(201);
    }

    @Test
    void ofConcurrentPrimaryDiagnosesExactlyOneIsRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F32.1", true, DIAGNOSED_ON)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                statuses.add(result.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
            assertThat(api.as("ada").get(caseUrl).json().at("/diagnoses").size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resolvingADiagnosisAnswers200AndTheCaseShowsItResolved() {
        String diagnosisId = recordDiagnosis("F32.1", true);

        Response resolved = api.as("ada").post(caseUrl + "/diagnoses/" + diagnosisId + "/resolution",
                resolution(LocalDate.parse("2026-03-01"), "remission"));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.text("/id")).isEqualTo(diagnosisId);
        assertThat(resolved.text("/status")).isEqualTo("RESOLVED");
        assertThat(resolved.number("/version")).isEqualTo(2);
        assertThat(resolved.header("ETag")).isEqualTo("\"2\"");
        JsonNode entry = api.as("ada").get(caseUrl).json().at("/diagnoses/0");
        assertThat(entry.at("/status").asString()).isEqualTo("RESOLVED");
        assertThat(entry.at("/resolvedOn").asString()).isEqualTo("2026-03-01");
        assertThat(entry.at("/resolutionReason").asString()).isEqualTo("remission");
    }

    @Test
    void resolvedOnDefaultsToToday() {
        String diagnosisId = recordDiagnosis("F32.1", false);

        Response resolved = api.as("ada").post(caseUrl + "/diagnoses/" + diagnosisId + "/resolution", "{}");

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(api.as("ada").get(caseUrl + "/diagnoses/" + diagnosisId).text("/resolvedOn"))
                .isEqualTo(today().toString());
    }

    @Test
    void afterThePrimaryIsResolvedANewPrimaryMayBeRecorded() {
        String first = recordDiagnosis("F32.1", true);
        api.as("ada").post(caseUrl + "/diagnoses/" + first + "/resolution", "{}");

        assertThat(api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F33.0", true, DIAGNOSED_ON)).status())
                .isEqualTo(201);
    }

    @Test
    void resolvingADiagnosisAgainIs409() {
        String diagnosisId = recordDiagnosis("F32.1", true);
        api.as("ada").post(caseUrl + "/diagnoses/" + diagnosisId + "/resolution", "{}");

        Response again = api.as("ada").post(caseUrl + "/diagnoses/" + diagnosisId + "/resolution", "{}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("DIAGNOSIS_ALREADY_RESOLVED");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void resolvingBeforeTheDiagnosisWasMadeIs400() {
        String diagnosisId = recordDiagnosis("F32.1", true);

        Response response = api.as("ada").post(caseUrl + "/diagnoses/" + diagnosisId + "/resolution",
                resolution(DIAGNOSED_ON.minusDays(1), "typo"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("resolvedOn");
    }

    @Test
    void resolvingAnUnknownDiagnosisIs404() {
        Response response = api.as("ada").post(caseUrl + "/diagnoses/7d1c6a6e-0000-4000-8000-000000000001/resolution",
                "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/code")).isEqualTo("DIAGNOSIS_NOT_FOUND");
    }

    @Test
    void aDiagnosisOnAClosedCaseIs409() {
        api.as("ada").post(caseUrl + "/closure", closure());

        Response response = api.as("ada").post(caseUrl + "/diagnoses", diagnosis("F32.1", true, DIAGNOSED_ON));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("/code")).isEqualTo("CASE_CLOSED");
    }
}
