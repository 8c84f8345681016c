package org.caserecord.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Meetings recorded with billing become priced service lines (catalog in application.yml). */
@ApiTest
class BillableServicesHttpTest {

    private final HttpApi api;

    BillableServicesHttpTest(HttpApi api) {
        this.api = api;
    }

    static String billedMeeting(String occurredAt, int minutes, String serviceCode, String placeOfService) {
        return """
                {"type": "CLIENT", "occurredAt": "%s", "durationMinutes": %d, "notes": "billed visit",
                 "billing": {"serviceCode": "%s", "placeOfService": "%s"}}
                """.formatted(occurredAt, minutes, serviceCode, placeOfService);
    }

    private static String diagnosis(String code, boolean primary, String on) {
        return """
                {"code": "%s", "description": "d", "primary": %s, "diagnosedBy": "Dr. Chen", "diagnosedOn": "%s"}
                """.formatted(code, primary, on);
    }

    private String billedCase() {
        String path = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        assertThat(api.as("bill").post(path + "/coverage", CoverageHttpTest.coverage("PRIMARY", "2026-01-01", null))
                .status()).isEqualTo(201);
        assertThat(api.as("ada").post(path + "/diagnoses", diagnosis("F41.1", false, "2026-01-02")).status())
                .isEqualTo(201);
        assertThat(api.as("ada").post(path + "/diagnoses", diagnosis("F33.1", true, "2026-01-02")).status())
                .isEqualTo(201);
        return path;
    }

    @Test
    void aBilledMeetingIsAPricedLineWithModifiersNpiAndDiagnosisPointers() {
        String path = billedCase();
        assertThat(api.as("ada").post(path + "/meetings", billedMeeting("2026-01-10T10:00:00Z", 40, "T1017", "11"))
                .status()).isEqualTo(201);
        api.as("ada").post(path + "/meetings", """
                {"type": "FAMILY", "occurredAt": "2026-01-11T10:00:00Z", "durationMinutes": 30}""");

        Response page = api.as("bill").get(path + "/billable-services");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().at("/lines").size()).isEqualTo(1);
        JsonNode line = page.json().at("/lines/0");
        assertThat(line.at("/dateOfService").asString()).isEqualTo("2026-01-10");
        assertThat(line.at("/serviceCode").asString()).isEqualTo("T1017");
        assertThat(line.at("/units").asInt()).as("40 minutes, CMS 8-minute rule, 15-minute units").isEqualTo(3);
        assertThat(line.at("/charge").decimalValue()).isEqualByComparingTo("68.25");
        assertThat(line.at("/modifiers/0").asString()).isEqualTo("HO");
        assertThat(line.at("/renderingNpi").asString()).isEqualTo("1245319599");
        assertThat(line.at("/placeOfService").asString()).isEqualTo("11");
        assertThat(line.at("/payerId").asString()).isEqualTo("MCD-CA");
        assertThat(line.at("/diagnosisPointers/0").asString()).isEqualTo("F33.1");
        assertThat(line.at("/diagnosisPointers/1").asString()).isEqualTo("F41.1");
        assertThat(line.at("/status").asString()).isEqualTo("UNBILLED");
        assertThat(page.json().at("/total").decimalValue()).isEqualByComparingTo("68.25");
        assertThat(api.as("bill").get(path + "/billable-services?status=BILLED").json().at("/lines").size()).isZero();
        assertThat(api.as("bill").get(path + "/billable-services?status=ALL").json().at("/lines").size()).isEqualTo(1);
    }

    @Test
    void unknownOrMalformedBillingCodesAre400AndRecordNothing() {
        String path = billedCase();

        for (String body : new String[] {billedMeeting("2026-01-10T10:00:00Z", 40, "T9999", "11"),
                billedMeeting("2026-01-10T10:00:00Z", 40, "90837", "11"),
                billedMeeting("2026-01-10T10:00:00Z", 40, "T1017", "1"),
                billedMeeting("2026-01-10T10:00:00Z", 40, "T1017", "ab")}) {
            Response refused = api.as("ada").post(path + "/meetings", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ada").get(path).json().at("/meetings").size()).isZero();
        assertThat(api.as("bill").get(path + "/billable-services?status=whatever").status()).isEqualTo(400);
    }

    @Test
    void billableServicesFollowTheRoleMatrix() {
        String path = billedCase();

        assertThat(api.as("ben").get(path + "/billable-services").status()).isEqualTo(404);
        assertThat(api.as("ada").get(path + "/billable-services").status()).isEqualTo(200);
        assertThat(api.as("ida").get(path + "/billable-services").status()).isEqualTo(200);
    }
}
