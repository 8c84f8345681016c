package org.caserecord.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.billing.BillableServicesHttpTest.billedMeeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reimbursement requests bundle unbilled billed meetings; a meeting is never billed twice. */
@ApiTest
class ReimbursementHttpTest {

    private final HttpApi api;

    ReimbursementHttpTest(HttpApi api) {
        this.api = api;
    }

    private record BilledCase(String path, String coverageId) {
    }

    private BilledCase billedCase(boolean diagnosed) {
        String path = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        String coverageId = api.as("bill").post(path + "/coverage",
                CoverageHttpTest.coverage("PRIMARY", "2026-01-01", "2026-03-31")).text("/coverageId");
        if (diagnosed) {
            assertThat(api.as("ada").post(path + "/diagnoses", """
                    {"code": "F33.1", "description": "d", "primary": true, "diagnosedBy": "Dr. Chen",
                     "diagnosedOn": "2026-01-02"}""").status()).isEqualTo(201);
        }
        api.as("ada").post(path + "/meetings", billedMeeting("2026-01-10T10:00:00Z", 40, "T1017", "11"));
        api.as("ada").post(path + "/meetings", billedMeeting("2026-01-20T10:00:00Z", 20, "T1016", "12"));
        api.as("ada").post(path + "/meetings", billedMeeting("2026-02-03T10:00:00Z", 30, "T1017", "11"));
        return new BilledCase(path, coverageId);
    }

    private static String request(String coverageId, String from, String to) {
        return """
                {"coverageId": "%s", "periodFrom": "%s", "periodTo": "%s"}""".formatted(coverageId, from, to);
    }

    @Test
    void aRequestBundlesThePeriodsUnbilledMeetingsAndADenialReleasesThem() {
        BilledCase billed = billedCase(true);
        String requests = billed.path() + "/reimbursement-requests";

        Response filed = api.as("bill").post(requests, request(billed.coverageId(), "2026-01-01", "2026-01-31"));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().at("/lines").size()).isEqualTo(2);
        assertThat(filed.json().at("/total").decimalValue()).as("3 x 22.75 + 1 x 18.50").isEqualByComparingTo("86.75");
        assertThat(filed.text("/lines/0/diagnosisCodes/0")).isEqualTo("F33.1");
        String requestId = filed.text("/requestId");
        assertThat(api.as("bill").get(billed.path() + "/billable-services?status=BILLED").json().at("/lines").size())
                .isEqualTo(2);
        assertThat(api.as("bill").get(billed.path() + "/billable-services").json().at("/lines").size()).isEqualTo(1);

        Response again = api.as("bill").post(requests, request(billed.coverageId(), "2026-01-01", "2026-01-31"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("NOTHING_TO_BILL");

        Response denied = api.as("bill").post(requests + "/" + requestId + "/decision", """
                {"decision": "DENIED", "payerReference": "EOB-2", "reasonCode": "CO-16"}""");
        assertThat(denied.status()).isEqualTo(200);
        Response refiled = api.as("bill").post(requests, request(billed.coverageId(), "2026-01-01", "2026-01-31"));
        assertThat(refiled.status()).isEqualTo(201);
        assertThat(refiled.json().at("/lines").size()).isEqualTo(2);
        String second = refiled.text("/requestId");
        assertThat(api.as("bill").post(requests + "/" + second + "/decision", """
                {"decision": "PAID", "amountPaid": 86.75, "payerReference": "EOB-3"}""").status()).isEqualTo(200);
        assertThat(api.as("bill").post(requests + "/" + second + "/decision", """
                {"decision": "PAID", "amountPaid": 86.75, "payerReference": "EOB-3"}""").status()).isEqualTo(409);
        assertThat(api.as("bill").post(requests + "/" + second + "/decision", """
                {"decision": "PARTIALLY_PAID", "amountPaid": -1, "payerReference": "EOB-3"}""").status())
                .isEqualTo(400);

        Response listed = api.as("bill").get(requests);
        assertThat(listed.texts("/requests", "status")).containsExactly("DENIED", "PAID");
        assertThat(api.as("bill").get(requests + "/" + second).text("/amountPaid")).isEqualTo("86.75");
    }

    @Test
    void twoRequestsForOnePeriodAtOnceBillEachMeetingOnce() throws Exception {
        BilledCase billed = billedCase(true);
        String requests = billed.path() + "/reimbursement-requests";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.as("bill").post(requests, request(billed.coverageId(), "2026-01-01", "2026-03-31"));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> response : racing) {
            statuses.add(response.get().status());
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        Set<String> billedMeetings = new HashSet<>();
        int lines = 0;
        for (JsonNode request : api.as("bill").get(requests).json().at("/requests")) {
            for (JsonNode line : request.at("/lines")) {
                billedMeetings.add(line.at("/meetingId").asString());
                lines++;
            }
        }
        assertThat(lines).isEqualTo(3).isEqualTo(billedMeetings.size());
    }

    @Test
    void noDiagnosisNoCoverageOnTheDateOrABadRequestIsRefused() {
        BilledCase undiagnosed = billedCase(false);
        Response noDiagnosis = api.as("bill").post(undiagnosed.path() + "/reimbursement-requests",
                request(undiagnosed.coverageId(), "2026-01-01", "2026-01-31"));
        assertThat(noDiagnosis.status()).isEqualTo(409);
        assertThat(noDiagnosis.text("/code")).isEqualTo("NO_ACTIVE_DIAGNOSIS");

        BilledCase billed = billedCase(true);
        String requests = billed.path() + "/reimbursement-requests";
        api.as("ada").post(billed.path() + "/meetings", billedMeeting("2026-04-02T10:00:00Z", 30, "T1017", "11"));
        Response uncovered = api.as("bill").post(requests, request(billed.coverageId(), "2026-04-01", "2026-04-30"));
        assertThat(uncovered.status()).isEqualTo(409);
        assertThat(uncovered.text("/code")).isEqualTo("COVERAGE_NOT_ACTIVE");
        assertThat(api.as("bill").post(requests, request("00000000-0000-0000-0000-000000000009", "2026-01-01",
                "2026-01-31")).status()).isEqualTo(404);
        assertThat(api.as("bill").post(requests, request(billed.coverageId(), "2026-02-01", "2026-01-01")).status())
                .isEqualTo(400);
        assertThat(api.as("bill").post(requests, "{}").status()).isEqualTo(400);
        assertThat(api.as("bill").get(requests).json().at("/requests").size()).isZero();
    }

    @Test
    void claimsAreBillingsWork() {
        BilledCase billed = billedCase(true);
        String requests = billed.path() + "/reimbursement-requests";
        String body = request(billed.coverageId(), "2026-01-01", "2026-01-31");

        assertThat(api.as("ada").post(requests, body).status()).isEqualTo(403);
        assertThat(api.as("ida").post(requests, body).status()).isEqualTo(403);
        assertThat(api.as("rita").post(requests, body).status()).isEqualTo(403);
        // A refusal by role comes before any look at the case, so it reveals nothing about it.
        assertThat(api.as("ben").post(requests, body).status()).isEqualTo(403);
        assertThat(api.as("ben").post("/api/cases/00000000-0000-0000-0000-00000000dead/reimbursement-requests", body)
                .status()).isEqualTo(403);
        assertThat(api.as("ben").get(requests).status()).isEqualTo(404);
        assertThat(api.as("ida").get(requests).status()).isEqualTo(200);
        assertThat(api.as("bill").post(requests, body).status()).isEqualTo(201);
    }
}
