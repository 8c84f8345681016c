package org.caserecord.api.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.caserecord.api.audit.AuditChain;
import org.caserecord.api.web.ApiException;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.retention.RetentionPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disposal certificates, read from the event store: the disposal event gives the time, the actor,
 * the reason and the sequence number; the audit chain gives the hash through it.
 */
@Component
class DisposalCertificates {

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final JsonMapper json;

    DisposalCertificates(JdbcClient jdbc, AuditChain chain, JsonMapper json) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.json = json;
    }

    /**
     * The certificate of a disposal that the caller's own transaction just appended: its chain head
     * is recomputed from the stored events, as no seal can cover the event before it commits.
     */
    DisposalCertificate issued(UUID caseId) {
        return find(caseId, false).orElseThrow(() ->
                new IllegalStateException("The disposal event just appended is not visible to its transaction"));
    }

    /**
     * The certificate of the case's disposal, if it was disposed of; its chain head is the one its
     * seal confirms (503 while not yet sealed, 409 if the stored events no longer match their seals).
     */
    Optional<DisposalCertificate> attested(UUID caseId) {
        return find(caseId, true);
    }

    private Optional<DisposalCertificate> find(UUID caseId, boolean attested) {
        return jdbc.sql("""
                        SELECT event_identifier, sequence_number, time_stamp, meta_data, payload
                          FROM domain_event_entry
                         WHERE aggregate_identifier = :caseId AND payload_type = :type
                        """)
                .param("caseId", caseId.toString())
                .param("type", CaseRecordDisposed.class.getName())
                .query((rs, n) -> new DisposalRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
                        rs.getBytes(5)))
                .optional()
                .map(row -> certificate(caseId, row, attested));
    }

    private DisposalCertificate certificate(UUID caseId, DisposalRow row, boolean attested) {
        String chainHead = attested
                ? chain.attestedChainHash(caseId.toString(), row.sequence())
                : chain.chainHash(caseId.toString(), row.sequence()).orElseThrow();
        JsonNode payload = json.readTree(row.payload());
        JsonNode metaData = row.metaData() == null ? null : json.readTree(row.metaData());
        return new DisposalCertificate(uuidOf(row.eventIdentifier()), caseId, Instant.parse(row.timestamp()),
                metaData == null || metaData.get("actor") == null ? null : metaData.get("actor").asString(),
                DisposalCertificate.CRYPTO_SHRED, row.sequence(), chainHead, AuditChain.ALGORITHM,
                text(payload, "reason"), date(payload, "closedOn"), policy(payload.get("policy")));
    }

    private static RetentionPolicy policy(JsonNode policy) {
        if (policy == null || policy.isNull()) {
            return null;
        }
        return new RetentionPolicy(policy.get("yearsAfterClosure").asInt(), policy.get("ageOfMajority").asInt(),
                policy.get("yearsAfterMajority").asInt());
    }

    private static UUID uuidOf(String eventIdentifier) {
        try {
            return UUID.fromString(eventIdentifier);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.CONFLICT, "record-integrity-failure", "Record fails verification",
                    "The disposal event's identifier is not the one the service wrote.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private record DisposalRow(String eventIdentifier, long sequence, String timestamp, byte[] metaData,
                               byte[] payload) {
    }
}
