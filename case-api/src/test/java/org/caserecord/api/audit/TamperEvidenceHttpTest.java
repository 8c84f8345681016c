package org.caserecord.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hash chain finds what a database superuser could do around the append-only triggers:
 * change a byte, delete a row, swap two rows, and reports the first broken sequence.
 */
@ApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceHttpTest {

    private final HttpApi api;
    private final DataSource dataSource;

    TamperEvidenceHttpTest(HttpApi api, @Autowired DataSource dataSource) {
        this.api = api;
        this.dataSource = dataSource;
    }

    /** A case of five events (opened, four meetings), all sealed. */
    private String sealedCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        for (int i = 0; i < 4; i++) {
            assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response verification = verification(caseId);
            assertThat(verification.number("/eventsChecked")).isEqualTo(5);
            assertThat(verification.number("/unsealedEvents")).isZero();
        });
        return caseId;
    }

    private Response verification(String caseId) {
        return api.as("ida").get("/api/audit/verification?caseId=" + caseId);
    }

    /** Runs statements with the triggers bypassed, as a superuser can. */
    private void asSuperuser(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
            connection.commit();
        }
    }

    private void assertBrokenAt(String caseId, long sequence, String problem) {
        Response verification = verification(caseId);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().at("/verified").asBoolean()).isFalse();
        assertThat(verification.number("/firstMismatch/sequence")).isEqualTo(sequence);
        assertThat(verification.text("/firstMismatch/problem")).isEqualTo(problem);
        Response store = api.as("rita").get("/api/audit/verification");
        assertThat(store.json().at("/verified").asBoolean()).isFalse();
        assertThat(store.texts("/failures", "caseId")).contains(caseId);
    }

    @Test
    void anUntouchedCaseVerifies() {
        String caseId = sealedCase();

        Response verification = verification(caseId);

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().at("/verified").asBoolean()).isTrue();
        assertThat(verification.text("/firstMismatch")).isNull();
        assertThat(api.as("rita").get("/api/audit/verification").texts("/failures", "caseId")).doesNotContain(caseId);
    }

    @Test
    void aChangedByteIsReportedAtItsSequence() throws SQLException {
        String caseId = sealedCase();

        // A non-personal field: personal data is encrypted, so its bytes are no longer plain text.
        asSuperuser("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"durationMinutes\":45', '\"durationMinutes\":46'), 'UTF8')"
                + " WHERE aggregate_identifier = '" + caseId + "' AND sequence_number = 3");

        assertBrokenAt(caseId, 3, "ALTERED");
    }

    @Test
    void aChangedTimestampIsReportedToo() throws SQLException {
        String caseId = sealedCase();

        asSuperuser("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' WHERE aggregate_identifier = '"
                + caseId + "' AND sequence_number = 1");

        assertBrokenAt(caseId, 1, "ALTERED");
    }

    @Test
    void aDeletedRowIsReportedAtItsSequence() throws SQLException {
        String caseId = sealedCase();

        asSuperuser("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + caseId
                + "' AND sequence_number = 2");

        assertBrokenAt(caseId, 2, "MISSING");
    }

    @Test
    void swappedRowsAreReportedAtTheFirstOfThem() throws SQLException {
        String caseId = sealedCase();
        String row = "UPDATE domain_event_entry SET sequence_number = %d WHERE aggregate_identifier = '" + caseId
                + "' AND sequence_number = %d";

        asSuperuser(row.formatted(-1, 1), row.formatted(1, 3), row.formatted(3, -1));

        assertBrokenAt(caseId, 1, "REORDERED");
    }

    @Test
    void aRemovedLastEventOrAWholeRemovedCaseIsReported() throws SQLException {
        String shortened = sealedCase();
        String removed = sealedCase();

        asSuperuser("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + shortened
                        + "' AND sequence_number = 4",
                "DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + removed + "'");

        assertBrokenAt(shortened, 4, "MISSING");
        assertBrokenAt(removed, 0, "MISSING");
    }

    @Test
    void anEventSlippedInBehindTheSealerIsReported() throws SQLException {
        String caseId = sealedCase();

        // A row given a global index the sealer has long passed: Axon still reads it for the case.
        asSuperuser("INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_type,"
                + " time_stamp, aggregate_identifier, sequence_number, type) SELECT -7, 'forged-" + caseId + "',"
                + " meta_data, payload, payload_type, time_stamp, aggregate_identifier, 5, type"
                + " FROM domain_event_entry WHERE aggregate_identifier = '" + caseId + "' AND sequence_number = 4");

        assertBrokenAt(caseId, 5, "UNSEALED");
    }

    @Test
    void anExportOfAnAlteredCaseIsRefused() throws SQLException {
        String caseId = sealedCase();
        String export = api.as("ada").post("/api/cases/" + caseId + "/exports", """
                {"recipient": {"name": "Dana Whitfield"}, "purpose": "TRANSFER_OF_CARE", "format": "JSON"}
                """).header("Location");
        assertThat(api.as("ada").get(export).status()).isEqualTo(200);

        // A non-personal field: personal data is encrypted, so its bytes are no longer plain text.
        asSuperuser("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"durationMinutes\":45', '\"durationMinutes\":46'), 'UTF8')"
                + " WHERE aggregate_identifier = '" + caseId + "' AND sequence_number = 2");

        Response refused = api.as("ada").get(export);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/type")).endsWith("record-integrity-failure");
        assertThat(refused.body()).doesNotContain("Jordan");
    }

    /** First: a checkpoint covers every case, and the other tests here alter the store for good. */
    @Test
    @Order(1)
    void aCheckpointStillMatchesAnUntouchedStoreAndNotAnAlteredOne() throws SQLException {
        String caseId = sealedCase();
        Response checkpoint = api.as("ida").get("/api/audit/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        String hash = checkpoint.text("/hash");
        long position = checkpoint.number("/globalPosition");
        assertThat(hash).hasSize(64);
        assertThat(checkpoint.number("/eventsCovered")).isPositive();
        String verify = "/api/audit/verification?checkpointHash=" + hash + "&globalPosition=" + position;

        // New events after the checkpoint do not change what it covers.
        api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        Response matches = api.as("ida").get(verify);
        assertThat(matches.json().at("/verified").asBoolean()).isTrue();
        assertThat(matches.text("/recomputedHash")).isEqualTo(hash);

        asSuperuser("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'ada', 'bob'), 'UTF8') WHERE aggregate_identifier = '" + caseId + "' AND sequence_number = 0");

        Response broken = api.as("ida").get(verify);
        assertThat(broken.json().at("/verified").asBoolean()).isFalse();
        assertThat(broken.texts("/failedCases", "caseId")).contains(caseId);
    }

    @Test
    void badAuditRequestsAre400AndOnlyAuditorsAndRecordsOfficersMayAsk() {
        String caseId = sealedCase();

        assertThat(api.as("ida").get("/api/audit/verification?checkpointHash=abc&globalPosition=1").status())
                .isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?checkpointHash=" + "0".repeat(64)).status())
                .isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?caseId=" + caseId + "&globalPosition=1").status())
                .isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?caseId=not-a-uuid").status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?caseId=").status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?globalPosition=-2&checkpointHash=" + "0".repeat(64))
                .status()).isEqualTo(400);
        assertThat(api.as("ida").get("/api/audit/verification?caseId=00000000-0000-0000-0000-000000000001").status())
                .isEqualTo(404);
        assertThat(api.as("ada").get("/api/audit/verification?caseId=" + caseId).status()).isEqualTo(403);
        assertThat(api.as("grace").get("/api/audit/checkpoint").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/checkpoint").status()).isEqualTo(401);
    }
}
