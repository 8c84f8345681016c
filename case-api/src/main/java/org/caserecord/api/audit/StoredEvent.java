package org.caserecord.api.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored, and its link in the case's hash chain.
 *
 * <p>Canonical bytes: the fields event_identifier, aggregate_identifier, sequence_number, type,
 * payload_type, payload_revision, time_stamp, payload, meta_data in this order, each as a 4-byte
 * big-endian length followed by its bytes (text as UTF-8, the sequence as 8 big-endian bytes,
 * payload and metadata as stored), a null field as length -1 with no bytes. The chain hash of
 * the first event of a case uses 32 zero bytes as the previous hash.
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                   byte[] metaData) {

    static final String ALGORITHM = "SHA-256 chain over length-prefixed stored fields (docs/audit.md)";
    static final byte[] GENESIS = new byte[32];
    static final String COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
            payload_revision, time_stamp, payload, meta_data""";

    static StoredEvent from(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    byte[] canonicalBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + payload.length
                + (metaData == null ? 0 : metaData.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, text(eventIdentifier));
            field(out, text(aggregateIdentifier));
            out.writeInt(Long.BYTES);
            out.writeLong(sequenceNumber);
            field(out, text(type));
            field(out, text(payloadType));
            field(out, text(payloadRevision));
            field(out, text(timeStamp));
            field(out, payload);
            field(out, metaData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** This event's chain hash, given the chain hash of the case's previous event (or {@link #GENESIS}). */
    byte[] chainHash(byte[] previous) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonicalBytes());
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}
