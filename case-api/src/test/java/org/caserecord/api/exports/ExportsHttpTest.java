package org.caserecord.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A complete, verifiable case file for a recipient, whose creation is itself a disclosure. */
@ApiTest
class ExportsHttpTest {

    private final HttpApi api;
    private final JdbcClient jdbc;

    ExportsHttpTest(HttpApi api, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    private static String export(String format) {
        return """
                {"recipient": {"name": "Dana Whitfield", "organization": "County Public Guardian",
                               "address": "12 Court St"},
                 "purpose": "CONSERVATORSHIP", "format": "%s"}
                """.formatted(format);
    }

    private String caseWithMeetings() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        return caseId;
    }

    private String sealedChainHash(String caseId, long sequence) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM event_seal WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(caseId, sequence).query(Long.class).single() == 1);
        return jdbc.sql("SELECT encode(chain_hash, 'hex') FROM event_seal "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(caseId, sequence).query(String.class).single();
    }

    @Test
    void aPdfExportHoldsTheWholeCaseFileWithItsVersionAndChainHash() throws IOException {
        String caseId = caseWithMeetings();

        Response created = api.as("ada").post("/api/cases/" + caseId + "/exports", export("PDF"));

        assertThat(created.status()).isEqualTo(201);
        String exportId = created.text("/exportId");
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + caseId + "/exports/" + exportId);
        assertThat(created.number("/version")).isEqualTo(3);
        HttpResponse<byte[]> document = api.as("ada").getBytes(created.header("Location"));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        String text;
        try (PDDocument pdf = Loader.loadPDF(document.body())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Jordan Rivera", "discussed housing options", "Maria Rivera", exportId,
                "Dana Whitfield", "County Public Guardian", caseId);
        assertThat(text).contains(sealedChainHash(caseId, 3));
    }

    @Test
    void theExportIsRecordedAsADisclosureAndStaysTheCaseAsOfIt() {
        String caseId = caseWithMeetings();
        Response created = api.as("ada").post("/api/cases/" + caseId + "/exports", export("JSON"));
        String exportId = created.text("/exportId");

        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        Response document = api.as("ada").get(created.header("Location"));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type")).startsWith("application/json");
        assertThat(document.header("Content-Disposition")).contains("attachment").contains(".json");
        JsonNode json = document.json();
        assertThat(json.at("/version").asLong()).isEqualTo(3);
        assertThat(json.at("/caseFile/version").asLong()).isEqualTo(3);
        assertThat(json.at("/caseFile/client/name").asString()).isEqualTo("Jordan Rivera");
        assertThat(json.at("/caseFile/meetings").size()).isEqualTo(2);
        assertThat(json.at("/chainHash").asString()).isEqualTo(sealedChainHash(caseId, 3));
        assertThat(json.at("/disclosures/0/exportId").asString()).isEqualTo(exportId);
        assertThat(json.at("/recipient/name").asString()).isEqualTo("Dana Whitfield");

        Response accounting = api.as("ida").get("/api/cases/" + caseId + "/disclosures");
        assertThat(accounting.text("/disclosures/0/exportId")).isEqualTo(exportId);
        assertThat(accounting.text("/disclosures/0/exportFormat")).isEqualTo("JSON");
        assertThat(accounting.text("/disclosures/0/purpose")).isEqualTo("CONSERVATORSHIP");
        assertThat(api.as("ida").get("/api/cases/" + caseId + "/history?type=DisclosureRecorded")
                .texts("/entries", "sequence")).containsExactly("3");
        assertThat(api.as("ida").get("/api/audit/access?caseId=" + caseId).texts("/entries", "action"))
                .contains("READ_EXPORT");
        assertThat(api.as("ada").get(created.header("Location")).body()).isEqualTo(document.body());
    }

    @Test
    void badExportsAre400AndUnknownOnesAre404() {
        String caseId = caseWithMeetings();
        String path = "/api/cases/" + caseId + "/exports";

        for (String body : new String[] {export("DOCX"), export("PDF").replace("CONSERVATORSHIP", "CURIOSITY"),
                "{\"purpose\": \"LEGAL\", \"format\": \"PDF\"}", "{}"}) {
            Response refused = api.as("ada").post(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.as("ada").get("/api/cases/" + caseId + "/disclosures").json().at("/disclosures").size())
                .isZero();
        Response unknown = api.as("ada").get(path + "/00000000-0000-0000-0000-000000000009");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as("ada").post("/api/cases/00000000-0000-0000-0000-000000000001/exports", export("PDF"))
                .status()).isEqualTo(404);
    }

}
