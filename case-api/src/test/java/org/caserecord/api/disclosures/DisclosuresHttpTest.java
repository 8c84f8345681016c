package org.caserecord.api.disclosures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.closure;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ApiTest
class DisclosuresHttpTest {

    private final HttpApi api;

    DisclosuresHttpTest(HttpApi api) {
        this.api = api;
    }

    static String disclosure(String purpose, String disclosedOn) {
        return """
                {"recipient": {"name": "Dana Whitfield", "organization": "County Public Guardian",
                               "address": "12 Court St, Springfield"},
                 "purpose": "%s", "description": "treatment summary and current plan",
                 "legalBasis": "court order 2026-CV-118", "disclosedOn": %s}
                """.formatted(purpose, disclosedOn == null ? "null" : "\"" + disclosedOn + "\"");
    }

    private String newCase() {
        return api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
    }

    @Test
    void aDisclosureIsRecordedOnTheCaseAndAccountedFor() {
        String caseId = newCase();

        Response created = api.as("ada").post("/api/cases/" + caseId + "/disclosures",
                disclosure("CONSERVATORSHIP", "2026-02-03"));

        assertThat(created.status()).isEqualTo(201);
        String disclosureId = created.text("/disclosureId");
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + caseId + "/disclosures/" + disclosureId);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        Response accounting = api.as("ida").get("/api/cases/" + caseId + "/disclosures");
        assertThat(accounting.status()).isEqualTo(200);
        JsonNode line = accounting.json().at("/disclosures/0");
        assertThat(line.at("/disclosureId").asString()).isEqualTo(disclosureId);
        assertThat(line.at("/recipient/name").asString()).isEqualTo("Dana Whitfield");
        assertThat(line.at("/recipient/organization").asString()).isEqualTo("County Public Guardian");
        assertThat(line.at("/purpose").asString()).isEqualTo("CONSERVATORSHIP");
        assertThat(line.at("/legalBasis").asString()).isEqualTo("court order 2026-CV-118");
        assertThat(line.at("/disclosedOn").asString()).isEqualTo("2026-02-03");
        assertThat(line.at("/recordedBy").asString()).isEqualTo("ada");
        assertThat(line.at("/sequence").asLong()).isEqualTo(1);
        assertThat(api.as("ida").get(created.header("Location")).text("/disclosureId")).isEqualTo(disclosureId);
        assertThat(api.as("ida").get("/api/cases/" + caseId + "/history?type=DisclosureRecorded")
                .texts("/entries", "sequence")).containsExactly("1");
        assertThat(api.as("ida").get("/api/cases/" + caseId).number("/version")).isEqualTo(1);
    }

    @Test
    void aClosedCaseCanStillBeDisclosedAndStaysClosed() {
        String caseId = newCase();
        api.as("ada").post("/api/cases/" + caseId + "/closure", closure());

        Response created = api.as("ada").post("/api/cases/" + caseId + "/disclosures",
                disclosure("TRANSFER_OF_CARE", null));

        assertThat(created.status()).isEqualTo(201);
        Response caseFile = api.as("ada").get("/api/cases/" + caseId);
        assertThat(caseFile.text("/status")).isEqualTo("CLOSED");
        assertThat(api.as("ada").get("/api/cases/" + caseId + "/disclosures").text("/disclosures/0/disclosedOn"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void badDisclosuresAre400AndChangeNothing() {
        String caseId = newCase();
        String path = "/api/cases/" + caseId + "/disclosures";
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        for (String body : new String[] {
                disclosure("GOSSIP", "2026-02-03"),
                disclosure("LEGAL", tomorrow),
                disclosure("LEGAL", "2025-12-31"),
                disclosure("LEGAL", "2026-02-03").replace("court order 2026-CV-118", " "),
                disclosure("LEGAL", "2026-02-03").replace("\"Dana Whitfield\"", "\"\""),
                "{\"purpose\": \"LEGAL\", \"description\": \"x\", \"legalBasis\": \"y\"}",
                "{}"}) {
            Response refused = api.as("ada").post(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(body).startsWith("application/problem+json");
        }
        assertThat(api.as("ada").get(path).json().at("/disclosures").size()).isZero();
        assertThat(api.as("ada").get("/api/cases/" + caseId).number("/version")).isZero();
        assertThat(api.as("ada").post("/api/cases/00000000-0000-0000-0000-000000000001/disclosures",
                disclosure("LEGAL", "2026-02-03")).status()).isEqualTo(404);
        assertThat(api.as("ada").get("/api/cases/00000000-0000-0000-0000-000000000001/disclosures").status())
                .isEqualTo(404);
    }

    @Test
    void onlyCaseManagersAndRecordsOfficersDiscloseAndOnlyAuditorsAndRecordsOfficersSeeTheWholeAccounting() {
        String caseId = newCase();
        String path = "/api/cases/" + caseId + "/disclosures";

        for (String user : new String[] {"ida", "grace", "bill"}) {
            Response refused = api.as(user).post(path, disclosure("LEGAL", "2026-02-03"));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(api.as(user).post("/api/cases/" + caseId + "/exports",
                    "{\"recipient\": {\"name\": \"X\"}, \"purpose\": \"LEGAL\", \"format\": \"PDF\"}").status())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.as("rita").post(path, disclosure("LEGAL", "2026-02-03")).status()).isEqualTo(201);
        String export = api.as("ada").post("/api/cases/" + caseId + "/exports",
                "{\"recipient\": {\"name\": \"X\"}, \"purpose\": \"LEGAL\", \"format\": \"JSON\"}")
                .header("Location");
        assertThat(api.as("bill").get(export).status()).isEqualTo(403);
        assertThat(api.as("ida").get(export).status()).isEqualTo(200);
        for (String user : new String[] {"ada", "grace", "bill"}) {
            assertThat(api.as(user).get("/api/disclosures").status()).as(user).isEqualTo(403);
        }
        assertThat(api.as("ida").get("/api/disclosures").status()).isEqualTo(200);
    }

    @Test
    void datesOutsideTheYears1900To9999Are400() {
        for (String query : new String[] {"?to=1000-01-01", "?from=1899-12-31", "?to=-999999999-01-01",
                "?from=+10000-01-01"}) {
            Response refused = api.as("rita").get("/api/disclosures" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ida").get("/api/audit/access?from=1000-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/access?to=+300000-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    @Test
    void theAccountingAcrossCasesCoversAPeriodAndPages() {
        String first = newCase();
        String second = newCase();
        api.as("ada").post("/api/cases/" + first + "/disclosures", disclosure("INSURANCE", "2026-03-01"));
        api.as("ada").post("/api/cases/" + second + "/disclosures", disclosure("LEGAL", "2026-03-02"));
        api.as("ada").post("/api/cases/" + second + "/disclosures", disclosure("OTHER", "2026-04-15"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.as("rita").get("/api/disclosures?from=2026-03-01&to=2026-04-30").json().at("/disclosures").size())
                .isGreaterThanOrEqualTo(3));
        Response march = api.as("rita").get("/api/disclosures?from=2026-03-01&to=2026-03-31");
        assertThat(march.texts("/disclosures", "caseId")).contains(first, second);
        assertThat(march.texts("/disclosures", "purpose")).doesNotContain("OTHER");
        Response defaults = api.as("rita").get("/api/disclosures");
        assertThat(defaults.text("/to")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(defaults.text("/from")).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusYears(6).toString());
        assertThat(defaults.texts("/disclosures", "caseId")).contains(first, second);

        Response page = api.as("rita").get("/api/disclosures?from=2026-03-01&to=2026-04-30&limit=1");
        assertThat(page.json().at("/disclosures").size()).isEqualTo(1);
        Response next = api.as("rita").get("/api/disclosures?from=2026-03-01&to=2026-04-30&limit=1&after="
                + page.text("/nextAfter"));
        assertThat(next.text("/disclosures/0/disclosureId")).isNotEqualTo(page.text("/disclosures/0/disclosureId"));
        assertThat(api.as("rita").get("/api/disclosures?from=2026-05-01&to=2026-04-01").status()).isEqualTo(400);
    }
}
