package org.caserecord.api.crypto;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a database administrator, a backup or a replica sees: cases recorded through the API
 * leave no personal data in the event store's bytes, in any encoding, while the API (read
 * models, history, aggregate loading) still shows it to those allowed to see it.
 */
@ApiTest
class PersonalDataAtRestHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "Søren Yllowmere-Quast";
    private static final String DATE_OF_BIRTH = "1957-11-29";
    private static final String MOTHER = "Ottilie Yllowmere";
    private static final String NOTES = "told me about the \"blue door\" at Wexcombe Lodge; scared of Mr. Thistlewaite";
    private static final String NEED = "respite from caring for Großmutter Hedwig";
    private static final String SISTER = "Brunhild Yllowmere-Quast";
    private static final String DIAGNOSIS = "post-traumatic stress after the Wexcombe fire";

    private final HttpApi api;
    private final JdbcClient jdbc;

    PersonalDataAtRestHttpTest(HttpApi api, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    private String recordedCase(String client) {
        Response opened = api.as("ada").post("/api/cases", """
                {"client": {"name": "%s", "dateOfBirth": "%s"}, "caseManagerId": "ada", "openedOn": "2026-01-05",
                 "referralSource": "Wexcombe Lodge warden", "presentingConcerns": "%s"}
                """.formatted(client, DATE_OF_BIRTH, "nightmares since the Wexcombe fire"));
        assertThat(opened.status()).isEqualTo(201);
        String caseUrl = "/api/cases/" + opened.text("/caseId");
        assertThat(api.as("ada").post(caseUrl + "/meetings", """
                {"type": "FAMILY", "occurredAt": "2026-01-06T10:00:00Z", "durationMinutes": 50,
                 "attendees": [{"name": "%s", "role": "mother"}, {"name": "%s", "role": "client"}],
                 "notes": %s}
                """.formatted(MOTHER, client, JSON.writeValueAsString(NOTES))).status()).isEqualTo(201);
        assertThat(api.as("ada").post(caseUrl + "/assessments", """
                {"type": "NEEDS", "occurredAt": "2026-01-07T10:00:00Z", "summary": "carer strain, Wexcombe",
                 "needs": ["%s", "peer support"], "riskLevel": "MODERATE"}
                """.formatted(NEED)).status()).isEqualTo(201);
        assertThat(api.as("ada").post(caseUrl + "/family-members", """
                {"name": "%s", "relationship": "sister", "contact": "+44 7700 900123", "involvedInTreatment": true}
                """.formatted(SISTER)).status()).isEqualTo(201);
        assertThat(api.as("ada").post(caseUrl + "/diagnoses", """
                {"code": "F43.1", "description": "%s", "primary": true, "diagnosedBy": "Dr. Okafor",
                 "diagnosedOn": "2026-01-08"}
                """.formatted(DIAGNOSIS)).status()).isEqualTo(201);
        return opened.text("/caseId");
    }

    /** Every byte of every stored event and snapshot: payloads and metadata. */
    private List<byte[]> storedBytes() {
        List<byte[]> rows = new ArrayList<>();
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            jdbc.sql("SELECT payload, meta_data FROM " + table).query(rs -> {
                rows.add(rs.getBytes(1));
                if (rs.getBytes(2) != null) {
                    rows.add(rs.getBytes(2));
                }
            });
        }
        return rows;
    }

    /** The text as stored bytes could hold it: UTF-8, JSON-escaped, and with non-ASCII escaped as \\uXXXX. */
    private static List<byte[]> encodings(String text) {
        String jsonEscaped = JSON.writeValueAsString(text);
        jsonEscaped = jsonEscaped.substring(1, jsonEscaped.length() - 1);
        StringBuilder lower = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        for (char c : jsonEscaped.toCharArray()) {
            lower.append(c < 128 ? String.valueOf(c) : "\\u" + HexFormat.of().toHexDigits(c));
            upper.append(c < 128 ? String.valueOf(c) : "\\u" + HexFormat.of().toHexDigits(c).toUpperCase(Locale.ROOT));
        }
        return List.of(text.getBytes(UTF_8), jsonEscaped.getBytes(UTF_8), lower.toString().getBytes(UTF_8),
                upper.toString().getBytes(UTF_8), text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, ISO_8859_1).contains(new String(needle, ISO_8859_1));
    }

    @Test
    void noPersonalDataIsStoredInPlaintextYetTheApiShowsIt() {
        String first = recordedCase(CLIENT);
        String second = recordedCase("Ines Yllowmere");

        List<byte[]> stored = storedBytes();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(2 * 5);
        List<String> secrets = List.of(CLIENT, DATE_OF_BIRTH, MOTHER, NOTES, NEED, SISTER, DIAGNOSIS, "Ines Yllowmere",
                "Yllowmere", "Wexcombe", "Thistlewaite", "blue door", "+44 7700 900123");
        for (String secret : secrets) {
            for (byte[] encoded : encodings(secret)) {
                assertThat(stored).as("stored events hold %s", secret).noneMatch(row -> contains(row, encoded));
            }
        }
        // The encryption is there, not an empty store: the events name their case and hold envelopes.
        assertThat(stored).anyMatch(row -> contains(row, ("phi:1:" + first).getBytes(UTF_8)));
        assertThat(jdbc.sql("SELECT count(*) FROM case_data_key WHERE case_id::text IN (?, ?)"
                        + " AND wrapped_key IS NOT NULL")
                .params(first, second).query(Long.class).single()).isEqualTo(2);

        // Read models (event processors decrypted), the history (the event store read by the API) and
        // a later command (the aggregate loaded from its events) all see the plaintext.
        JsonNode caseFile = api.as("ada").get("/api/cases/" + first).json();
        assertThat(caseFile.at("/client/name").asString()).isEqualTo(CLIENT);
        assertThat(caseFile.at("/client/dateOfBirth").asString()).isEqualTo(DATE_OF_BIRTH);
        assertThat(caseFile.at("/meetings/0/notes").asString()).isEqualTo(NOTES);
        assertThat(caseFile.at("/meetings/0/attendees/0/name").asString()).isEqualTo(MOTHER);
        assertThat(caseFile.at("/assessments/0/needs/0").asString()).isEqualTo(NEED);
        assertThat(caseFile.at("/familyMembers/0/name").asString()).isEqualTo(SISTER);
        JsonNode history = api.as("ada").get("/api/cases/" + first + "/history").json().at("/entries");
        assertThat(history.get(0).at("/payload/client/name").asString()).isEqualTo(CLIENT);
        assertThat(history.get(1).at("/payload/notes").asString()).isEqualTo(NOTES);
        assertThat(history.get(1).at("/payload/attendees/1/name").asString()).isEqualTo(CLIENT);
        assertThat(api.as("ada").get("/api/cases/" + second).json().at("/client/name").asString())
                .isEqualTo("Ines Yllowmere");
        assertThat(api.as("ada").post("/api/cases/" + first + "/closure", """
                {"reason": "RELEASED_FROM_TREATMENT", "summary": "goals met", "closedOn": "2026-02-01"}
                """).status()).isEqualTo(200);
    }
}
