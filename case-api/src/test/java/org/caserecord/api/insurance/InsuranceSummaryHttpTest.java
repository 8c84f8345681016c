package org.caserecord.api.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ca.uhn.fhir.context.FhirContext;

/** The insurance-ready summary of a payer's filed lines, as JSON, CSV and a FHIR R4 Bundle. */
@ApiTest
class InsuranceSummaryHttpTest {

    private final HttpApi api;
    private final String payerId = "P-" + UUID.randomUUID().toString().substring(0, 8);

    InsuranceSummaryHttpTest(HttpApi api) {
        this.api = api;
    }

    /** A case with two billed January meetings, filed and paid under this test's payer; returns the case id. */
    private String paidCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String path = "/api/cases/" + caseId;
        String coverageId = api.as("bill").post(path + "/coverage", """
                {"payerId": "%s", "payerName": "Blue Valley Health", "planName": "PPO Gold", "memberId": "BV-77123",
                 "groupNumber": "G-9", "subscriberRelationship": "SELF", "effectiveFrom": "2026-01-01",
                 "priority": "PRIMARY"}""".formatted(payerId)).text("/coverageId");
        api.as("ada").post(path + "/diagnoses", """
                {"code": "F33.1", "description": "d", "primary": true, "diagnosedBy": "Dr. Chen",
                 "diagnosedOn": "2026-01-02"}""");
        api.as("ada").post(path + "/meetings", billedMeeting("2026-01-10T10:00:00Z", 40, "T1017", "11"));
        api.as("ada").post(path + "/meetings", billedMeeting("2026-01-20T10:00:00Z", 20, "T1016", "12"));
        String requestId = api.as("bill").post(path + "/reimbursement-requests", """
                {"coverageId": "%s", "periodFrom": "2026-01-01", "periodTo": "2026-01-31"}""".formatted(coverageId))
                .text("/requestId");
        long version = api.as("bill").post(path + "/reimbursement-requests/" + requestId + "/decision", """
                {"decision": "PAID", "amountPaid": 86.75, "payerReference": "EOB-1"}""").number("/version");
        // The summaries read the case file's read model: wait until it holds the decision.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.as("ada").get(path).number("/version") == version);
        return caseId;
    }

    private static String billedMeeting(String occurredAt, int minutes, String serviceCode, String placeOfService) {
        return """
                {"type": "CLIENT", "occurredAt": "%s", "durationMinutes": %d,
                 "billing": {"serviceCode": "%s", "placeOfService": "%s"}}
                """.formatted(occurredAt, minutes, serviceCode, placeOfService);
    }

    private String summaryPath() {
        return "/api/insurance/summaries?payerId=" + payerId + "&from=2026-01-01&to=2026-01-31";
    }

    @Test
    void theJsonSummaryListsEachClientWithCoverageDiagnosesLinesAndTotals() {
        String caseId = paidCase();

        Response summary = api.as("bill").get(summaryPath());

        assertThat(summary.status()).isEqualTo(200);
        JsonNode client = summary.json().at("/clients/0");
        assertThat(summary.json().at("/clients").size()).isEqualTo(1);
        assertThat(client.at("/caseId").asString()).isEqualTo(caseId);
        assertThat(client.at("/name").asString()).isEqualTo("Jordan Rivera");
        assertThat(client.at("/dateOfBirth").asString()).isEqualTo("1990-04-02");
        assertThat(client.at("/coverage/memberId").asString()).isEqualTo("BV-77123");
        assertThat(client.at("/coverage/planName").asString()).isEqualTo("PPO Gold");
        assertThat(client.at("/diagnoses/0").asString()).isEqualTo("F33.1");
        assertThat(client.at("/lines").size()).isEqualTo(2);
        assertThat(client.at("/lines/0/requestStatus").asString()).isEqualTo("PAID");
        assertThat(client.at("/total").decimalValue()).isEqualByComparingTo("86.75");
        assertThat(summary.json().at("/total").decimalValue()).isEqualByComparingTo("86.75");
        assertThat(api.as("ida").get("/api/audit/access?caseId=" + caseId).texts("/entries", "action"))
                .contains("READ_INSURANCE_SUMMARY");
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerServiceLine() {
        String caseId = paidCase();

        Response csv = api.as("bill").header("Accept", "text/csv").get(summaryPath());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> rows = List.of(csv.body().split("\r\n"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("payer_id,case_id,client_name,date_of_birth,member_id");
        String[] first = rows.get(1).split(",");
        assertThat(first[0]).isEqualTo(payerId);
        assertThat(first[1]).isEqualTo(caseId);
        assertThat(first[2]).isEqualTo("Jordan Rivera");
        assertThat(rows.get(1)).contains(",T1017,HO,3,22.75,68.25,11,1245319599,F33.1");
        assertThat(rows.get(2)).contains(",T1016,HO,1,18.50,18.50,12,1245319599,F33.1");
    }

    @Test
    void theFhirBundleParsesBackIntoClaims() {
        paidCase();

        Response fhir = api.as("bill").header("Accept", "application/fhir+json").get(summaryPath());

        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.header("Content-Type")).startsWith("application/fhir+json");
        Bundle bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, fhir.body());
        List<Claim> claims = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Claim.class::isInstance)
                .map(Claim.class::cast)
                .toList();
        assertThat(claims).hasSize(1);
        Claim claim = claims.get(0);
        assertThat(claim.getItem()).hasSize(2);
        assertThat(claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("T1017");
        assertThat(claim.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("F33.1");
        assertThat(claim.getTotal().getValue()).isEqualByComparingTo("86.75");
    }

    @Test
    void summariesAreForBillingSupervisorsAndAuditorsAndNeedAPayer() {
        paidCase();

        assertThat(api.as("ada").get(summaryPath()).status()).isEqualTo(403);
        assertThat(api.as("rita").get(summaryPath()).status()).isEqualTo(403);
        assertThat(api.as("ida").get(summaryPath()).status()).isEqualTo(200);
        assertThat(api.as("grace").get(summaryPath()).status()).isEqualTo(200);
        assertThat(api.as("bill").get("/api/insurance/summaries").status()).isEqualTo(400);
        assertThat(api.as("bill").get("/api/insurance/summaries?payerId=X&from=2026-02-01&to=2026-01-01").status())
                .isEqualTo(400);
        assertThat(api.as("bill").get("/api/insurance/summaries?payerId=nobody&from=2026-01-01&to=2026-01-31")
                .json().at("/clients").size()).isZero();
    }

    @Test
    void theDashboardCountsRequestsAndAmountsByPayerAndStatus() {
        paidCase();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Response dashboard = api.as("grace").get("/api/dashboard?from=2026-01-01&to=" + today);

        JsonNode mine = null;
        for (JsonNode row : dashboard.json().at("/reimbursement")) {
            if (row.at("/payerId").asString().equals(payerId)) {
                mine = row;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.at("/status").asString()).isEqualTo("PAID");
        assertThat(mine.at("/requests").asLong()).isEqualTo(1);
        assertThat(mine.at("/claimed").decimalValue()).isEqualByComparingTo("86.75");
        assertThat(mine.at("/paid").decimalValue()).isEqualByComparingTo("86.75");
    }
}
