package org.caserecord.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The raw baseline of figure 7: the audit-seal processor's work done plainly with JDBC in the
 * benchmark process. One thread reads every event row in global order (one cursor, fetch size
 * 1,000), computes each case's SHA-256 chain over the row's canonical bytes (docs/audit.md),
 * keeping the previous link in memory, and inserts the links into a table shaped like
 * {@code event_seal}, 100 rows per JDBC batch and transaction, as the sealer commits a batch
 * of 100 events with its token.
 */
final class RawSealing {

    static final String TABLE = "bench_raw_seal";
    private static final int BATCH = 100;
    private static final byte[] GENESIS = new byte[32];

    private RawSealing() {
    }

    /** An empty copy of event_seal's columns and constraints, without its append-only triggers. */
    static void createTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("""
                    CREATE TABLE bench_raw_seal (
                        aggregate_identifier varchar(255) NOT NULL,
                        sequence_number      bigint       NOT NULL,
                        global_index         bigint       NOT NULL UNIQUE,
                        event_identifier     varchar(255) NOT NULL UNIQUE,
                        chain_hash           bytea        NOT NULL,
                        sealed_at            timestamptz  NOT NULL DEFAULT now(),
                        PRIMARY KEY (aggregate_identifier, sequence_number))""");
        }
    }

    static void dropTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    /** Seals every stored event into {@link #TABLE}; answers the number of events sealed. */
    static long sealAll(Connection reader, Connection writer) throws Exception {
        reader.setAutoCommit(false);
        writer.setAutoCommit(false);
        Map<String, byte[]> chains = new HashMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (Statement select = reader.createStatement();
             PreparedStatement insert = writer.prepareStatement("""
                     INSERT INTO bench_raw_seal (aggregate_identifier, sequence_number, global_index, event_identifier,
                                                 chain_hash)
                     VALUES (?, ?, ?, ?, ?)""")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                           payload_revision, time_stamp, payload, meta_data
                      FROM domain_event_entry ORDER BY global_index""")) {
                while (rs.next()) {
                    String aggregate = rs.getString(3);
                    long sequence = rs.getLong(4);
                    String eventIdentifier = rs.getString(2);
                    sha256.update(chains.getOrDefault(aggregate, GENESIS));
                    sha256.update(canonicalBytes(eventIdentifier, aggregate, sequence, rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
                    byte[] chain = sha256.digest();
                    chains.put(aggregate, chain);
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence);
                    insert.setLong(3, rs.getLong(1));
                    insert.setString(4, eventIdentifier);
                    insert.setBytes(5, chain);
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                        writer.commit();
                    }
                }
            }
            insert.executeBatch();
            writer.commit();
        }
        reader.commit();
        return rows;
    }

    /** The same layout as the service's StoredEvent: length-prefixed fields, null as length -1. */
    private static byte[] canonicalBytes(String eventIdentifier, String aggregate, long sequence, String type,
                                         String payloadType, String payloadRevision, String timeStamp,
                                         byte[] payload, byte[] metaData) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + payload.length
                + (metaData == null ? 0 : metaData.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, text(eventIdentifier));
            field(out, text(aggregate));
            out.writeInt(Long.BYTES);
            out.writeLong(sequence);
            field(out, text(type));
            field(out, text(payloadType));
            field(out, text(payloadRevision));
            field(out, text(timeStamp));
            field(out, payload);
            field(out, metaData);
        }
        return bytes.toByteArray();
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
