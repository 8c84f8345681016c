package org.caserecord.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the event store for figure 3 with cases of 100 events (an opening and 99 meetings), copies
 * of a case the service recorded itself: the same serialized form and metadata, with new case,
 * meeting and event ids. Each copy is stored as the service would have stored its own case: a data
 * key of its own in {@code case_data_key}, wrapped under the master key, and every personal-data
 * envelope of the template opened once with the template's key and sealed afresh for the copy
 * (a fresh IV each). Cases are interleaved as a clinic's would be: every case's opening, then every
 * case's first meeting, and so on. The keys are inserted first; the events then go in with binary
 * {@code COPY}, {@value #ROWS_PER_COPY} rows per COPY and transaction (about a fifth faster than
 * batches of multi-row INSERTs).
 */
final class EventStoreFill {

    static final int EVENTS_PER_CASE = 100;
    static final String CASE_OPENED = "org.caserecord.domain.events.CaseOpened";
    static final String MEETING_RECORDED = "org.caserecord.domain.events.MeetingRecorded";
    private static final int ROWS_PER_COPY = 1000;
    /** An envelope as a JSON string: a UUID and base64url need no escaping, so it is never escaped. */
    private static final Pattern ENVELOPE = Pattern.compile("\"(phi:1:[0-9a-f-]{36}:[A-Za-z0-9_-]+)\"");

    private final PhiEnvelopes envelopes;

    EventStoreFill(PhiEnvelopes envelopes) {
        this.envelopes = envelopes;
    }

    /**
     * Stores {@code newCases} copies of the template case's opening and first meeting; answers the
     * new cases' ids in the order they were stored. Turns the connection's auto-commit off.
     */
    List<UUID> store(Connection connection, UUID templateCase, int newCases) throws SQLException {
        connection.setAutoCommit(false);
        SecretKey templateKey = dataKeyOf(connection, templateCase);
        List<TemplateEvent> template = templateEvents(connection, templateCase, templateKey);
        List<NewCase> cases = new ArrayList<>(newCases);
        for (int i = 0; i < newCases; i++) {
            cases.add(new NewCase(UUID.randomUUID(), envelopes.newDataKey()));
        }
        // The keys commit before any event names their cases: the processors read the copies as they commit.
        storeDataKeys(connection, cases);
        CopyManager copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
        BinaryCopy rows = new BinaryCopy();
        for (int sequence = 0; sequence < EVENTS_PER_CASE && newCases > 0; sequence++) {
            TemplateEvent event = template.get(sequence == 0 ? 0 : 1);
            for (NewCase newCase : cases) {
                byte[] payload = event.payloadFor(
                        new CopiedEvent(newCase.caseId(), newCase.dataKey(), UUID.randomUUID()));
                rows.add(event, newCase.caseId().toString(), sequence, payload);
                if (rows.count() == ROWS_PER_COPY) {
                    rows.copyInto(copyApi);
                    connection.commit();
                }
            }
        }
        if (rows.count() > 0) {
            rows.copyInto(copyApi);
            connection.commit();
        }
        return cases.stream().map(NewCase::caseId).toList();
    }

    private SecretKey dataKeyOf(Connection connection, UUID caseId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT wrapped_key, master_key_id FROM case_data_key WHERE case_id = ?")) {
            query.setObject(1, caseId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    throw new IllegalStateException("Case " + caseId + " has no data key");
                }
                if (!envelopes.masterKeyId().equals(rs.getString(2))) {
                    throw new IllegalStateException("The data key of case " + caseId + " is wrapped under master key "
                            + rs.getString(2) + ", not under the benchmark's " + envelopes.masterKeyId()
                            + ": the service was not started with the benchmark's master key");
                }
                byte[] wrapped = rs.getBytes(1);
                connection.commit();
                return envelopes.unwrap(wrapped, caseId);
            }
        }
    }

    /** The template's opening and first meeting, cut where the copies differ. */
    private List<TemplateEvent> templateEvents(Connection connection, UUID caseId, SecretKey key) throws SQLException {
        List<TemplateEvent> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT meta_data, payload, payload_revision, payload_type, time_stamp, type,
                       convert_from(payload, 'UTF8')::jsonb ->> 'meetingId'
                  FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND (sequence_number = 0 OR payload_type = ?)
                 ORDER BY sequence_number LIMIT 2""")) {
            query.setString(1, caseId.toString());
            query.setString(2, MEETING_RECORDED);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String payload = new String(rs.getBytes(2), StandardCharsets.UTF_8);
                    events.add(new TemplateEvent(rs.getBytes(1), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), parts(payload, caseId, rs.getString(7), key)));
                }
            }
        }
        connection.commit();
        if (events.size() != 2 || !events.get(0).payloadType().equals(CASE_OPENED)
                || !events.get(1).payloadType().equals(MEETING_RECORDED)) {
            throw new IllegalStateException("Case " + caseId + " has no opening and meeting to copy");
        }
        return events;
    }

    /**
     * The payload cut into parts: text as it is, the template's case and meeting ids (replaced by
     * the copy's), and each envelope's plaintext (sealed again for the copy).
     */
    private List<Part> parts(String payload, UUID caseId, String meetingId, SecretKey key) {
        List<Part> parts = new ArrayList<>();
        Matcher envelope = ENVELOPE.matcher(payload);
        int at = 0;
        while (envelope.find()) {
            idsAndText(payload.substring(at, envelope.start()), caseId.toString(), meetingId, parts);
            byte[] json = envelopes.open(key, caseId, envelope.group(1));
            parts.add((out, event) -> out.append('"')
                    .append(envelopes.seal(event.dataKey(), event.caseId(), json)).append('"'));
            at = envelope.end();
        }
        idsAndText(payload.substring(at), caseId.toString(), meetingId, parts);
        return List.copyOf(parts);
    }

    private static void idsAndText(String text, String caseId, String meetingId, List<Part> parts) {
        int at = 0;
        while (at < text.length()) {
            int caseAt = text.indexOf(caseId, at);
            int meetingAt = meetingId == null ? -1 : text.indexOf(meetingId, at);
            int next = caseAt < 0 ? meetingAt : meetingAt < 0 ? caseAt : Math.min(caseAt, meetingAt);
            if (next < 0) {
                next = text.length();
            }
            if (next > at) {
                String literal = text.substring(at, next);
                parts.add((out, event) -> out.append(literal));
            }
            if (next == caseAt) {
                parts.add((out, event) -> out.append(event.caseId()));
                at = next + caseId.length();
            } else if (next == meetingAt) {
                parts.add((out, event) -> out.append(event.meetingId()));
                at = next + meetingId.length();
            } else {
                at = next;
            }
        }
    }

    private void storeDataKeys(Connection connection, List<NewCase> cases) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                VALUES (?, ?, ?, now())""")) {
            for (NewCase newCase : cases) {
                insert.setObject(1, newCase.caseId());
                insert.setBytes(2, envelopes.wrap(newCase.dataKey(), newCase.caseId()));
                insert.setString(3, envelopes.masterKeyId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /** Rows of domain_event_entry in COPY's binary format: a header, a tuple per row, a trailer. */
    private static final class BinaryCopy {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2 * 1024 * 1024);
        private final DataOutputStream out = new DataOutputStream(buffer);
        private int count;

        int count() {
            return count;
        }

        void add(TemplateEvent event, String caseId, long sequence, byte[] payload) {
            try {
                if (count == 0) {
                    out.write(SIGNATURE);
                    out.writeInt(0);
                    out.writeInt(0);
                }
                out.writeShort(9);
                text(UUID.randomUUID().toString());
                bytes(event.metaData());
                bytes(payload);
                text(event.payloadRevision());
                text(event.payloadType());
                text(event.timeStamp());
                text(caseId);
                out.writeInt(8);
                out.writeLong(sequence);
                text(event.type());
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends the rows added since the last COPY (global_index from the table's sequence, in this order). */
        void copyInto(CopyManager copyApi) throws SQLException {
            try {
                out.writeShort(-1);
                copyApi.copyIn("""
                        COPY domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                                                 time_stamp, aggregate_identifier, sequence_number, type)
                        FROM STDIN (FORMAT binary)""", new ByteArrayInputStream(buffer.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.reset();
            count = 0;
        }

        private void text(String value) throws IOException {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
    }

    /** A case the fill stores: its id and data key. */
    private record NewCase(UUID caseId, SecretKey dataKey) {
    }

    /** An event being written: its case, the case's data key, and its meeting id (a new one per event). */
    private record CopiedEvent(UUID caseId, SecretKey dataKey, UUID meetingId) {
    }

    private interface Part {
        void write(StringBuilder out, CopiedEvent event);
    }

    private record TemplateEvent(byte[] metaData, String payloadRevision, String payloadType, String timeStamp,
                                 String type, List<Part> parts) {

        byte[] payloadFor(CopiedEvent event) {
            StringBuilder out = new StringBuilder(2048);
            for (Part part : parts) {
                part.write(out, event);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
