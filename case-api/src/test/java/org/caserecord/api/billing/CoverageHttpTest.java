package org.caserecord.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

@ApiTest
class CoverageHttpTest {

    private final HttpApi api;

    CoverageHttpTest(HttpApi api) {
        this.api = api;
    }

    static String coverage(String priority, String from, String to) {
        return """
                {"payerId": "MCD-CA", "payerName": "Medi-Cal", "planName": "Medi-Cal Managed Care",
                 "memberId": "91234567A", "groupNumber": "G-77", "subscriberRelationship": "SELF",
                 "effectiveFrom": "%s", "effectiveTo": %s, "priority": "%s"}
                """.formatted(from, to == null ? "null" : "\"" + to + "\"", priority);
    }

    private String adasCase() {
        return "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
    }

    @Test
    void coverageIsRecordedListedAndEnded() {
        String path = adasCase();

        Response created = api.as("ada").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String coverageId = created.text("/coverageId");
        assertThat(created.header("Location")).isEqualTo(path + "/coverage/" + coverageId);
        assertThat(api.as("bill").post(path + "/coverage", coverage("SECONDARY", "2026-01-01", "2026-12-31"))
                .status()).isEqualTo(201);

        Response listed = api.as("bill").get(path + "/coverage");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.texts("/coverages", "priority")).containsExactly("PRIMARY", "SECONDARY");
        assertThat(listed.text("/coverages/0/memberId")).isEqualTo("91234567A");

        Response ended = api.as("bill").post(path + "/coverage/" + coverageId + "/end", "{\"endedOn\": \"2026-06-30\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("/status")).isEqualTo("ENDED");
        Response after = api.as("ada").get(path + "/coverage");
        assertThat(after.text("/coverages/0/effectiveTo")).isEqualTo("2026-06-30");
        assertThat(after.json().at("/coverages/0/ended").asBoolean()).isTrue();
        assertThat(api.as("bill").post(path + "/coverage/" + coverageId + "/end", "{\"endedOn\": \"2026-06-30\"}")
                .status()).isEqualTo(409);
        assertThat(api.as("ida").get(path + "/history?type=CoverageAdded").json().at("/entries").size()).isEqualTo(2);
    }

    @Test
    void overlappingPrimaryCoverageIs409AndBadCoverageIs400() {
        String path = adasCase();
        api.as("ada").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", "2026-06-30"));

        Response overlap = api.as("ada").post(path + "/coverage", coverage("PRIMARY", "2026-06-30", null));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.text("/code")).isEqualTo("COVERAGE_OVERLAPS");
        for (String body : new String[] {coverage("PRIMARY", "2026-07-01", "2026-06-01"),
                coverage("TERTIARY", "2026-07-01", null), coverage("PRIMARY", "2026-07-01", null)
                .replace("\"SELF\"", "\"COUSIN\""), coverage("PRIMARY", "2026-07-01", null).replace("91234567A", " "),
                "{}"}) {
            Response refused = api.as("ada").post(path + "/coverage", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ada").post(path + "/coverage/00000000-0000-0000-0000-000000000001/end",
                "{\"endedOn\": \"2026-06-30\"}").status()).isEqualTo(404);
        assertThat(api.as("ada").get(path + "/coverage").json().at("/coverages").size()).isEqualTo(1);
    }

    @Test
    void coverageFollowsTheRoleMatrix() {
        String path = adasCase();

        assertThat(api.as("ben").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", null)).status())
                .isEqualTo(404);
        assertThat(api.as("ben").get(path + "/coverage").status()).isEqualTo(404);
        assertThat(api.as("ida").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", null)).status())
                .isEqualTo(403);
        assertThat(api.as("rita").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", null)).status())
                .isEqualTo(403);
        assertThat(api.as("grace").post(path + "/coverage", coverage("PRIMARY", "2026-01-01", null)).status())
                .isEqualTo(201);
        assertThat(api.as("ida").get(path + "/coverage").status()).isEqualTo(200);
    }
}
