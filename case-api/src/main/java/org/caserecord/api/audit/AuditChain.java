package org.caserecord.api.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.caserecord.api.audit.Verification.CaseResult;
import org.caserecord.api.audit.Verification.Checkpoint;
import org.caserecord.api.audit.Verification.CheckpointResult;
import org.caserecord.api.audit.Verification.Mismatch;
import org.caserecord.api.audit.Verification.Problem;
import org.caserecord.api.audit.Verification.StoreResult;
import org.caserecord.api.config.ClinicProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes hash chains from the event table as it is today and compares them with the seals
 * and with checkpoints. Reads stream through the tables (a cursor in a read-only transaction),
 * so checking the whole store needs memory per case, not per event.
 */
@Service
public class AuditChain {

    public static final String ALGORITHM = StoredEvent.ALGORITHM;
    static final int MAX_FAILURES_LISTED = 100;
    private static final int FETCH_SIZE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private static final String JOINED = """
            SELECT coalesce(e.aggregate_identifier, s.aggregate_identifier) AS case_id,
                   coalesce(e.sequence_number, s.sequence_number) AS seq,
                   e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   s.event_identifier AS sealed_event_identifier, s.chain_hash AS sealed_hash
              FROM %s e
              FULL OUTER JOIN %s s
                ON s.aggregate_identifier = e.aggregate_identifier AND s.sequence_number = e.sequence_number
             ORDER BY 1, 2
            """;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration settleTime;
    private final Clock clock;

    AuditChain(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions,
               ClinicProperties properties, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.settleTime = properties.checkpointSettleTime();
        this.clock = clock;
    }

    /** The case's chain checked against its seals; empty when the case has neither events nor seals. */
    public Optional<CaseResult> verifyCase(String caseId) {
        String sql = joined(
                "(SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?)",
                "(SELECT * FROM event_seal WHERE aggregate_identifier = ?)");
        List<CaseResult> results = new ArrayList<>();
        stream(sql, new Object[] {caseId, caseId}, results::add);
        return results.stream().findFirst();
    }

    /**
     * The chain hash of the case's event at {@code sequence}, recomputed from the event table
     * (hex); what its seal holds while the store is intact.
     */
    public String chainHashAt(String caseId, long sequence) {
        byte[] chain = StoredEvent.GENESIS;
        for (StoredEvent event : jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                         FROM domain_event_entry
                        WHERE aggregate_identifier = :caseId AND sequence_number <= :sequence
                        ORDER BY sequence_number
                        """)
                .param("caseId", caseId)
                .param("sequence", sequence)
                .query((rs, n) -> StoredEvent.from(rs))
                .list()) {
            chain = event.chainHash(chain);
        }
        return HEX.formatHex(chain);
    }

    /** Every case's chain checked against its seals. */
    public StoreResult verifyStore() {
        List<CaseResult> failures = new ArrayList<>();
        long[] totals = new long[4]; // cases, events checked, unsealed, failed
        stream(joined("domain_event_entry", "event_seal"), new Object[0], result -> {
            totals[0]++;
            totals[1] += result.eventsChecked();
            totals[2] += result.unsealedEvents();
            if (!result.verified()) {
                totals[3]++;
                if (failures.size() < MAX_FAILURES_LISTED) {
                    failures.add(result);
                }
            }
        });
        return new StoreResult(totals[3] == 0, totals[0], totals[1], totals[2], totals[3], List.copyOf(failures));
    }

    /** A digest over the seals up to the position every earlier event is sealed to. */
    public Checkpoint checkpoint() {
        long position = sealedPosition();
        MessageDigest digest = StoredEvent.sha256();
        long[] count = {0};
        readOnly.executeWithoutResult(status -> jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT global_index, chain_hash FROM event_seal WHERE global_index <= ? ORDER BY global_index");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, position);
            return statement;
        }, rs -> {
            addToDigest(digest, rs.getLong("global_index"), rs.getBytes("chain_hash"));
            count[0]++;
        }));
        return new Checkpoint(position, HEX.formatHex(digest.digest()), count[0], clock.instant(), StoredEvent.ALGORITHM
                + "; checkpoint = SHA-256 over (global index, chain hash) of each seal in global order");
    }

    /**
     * Recomputes every chain from today's event table up to {@code globalPosition} and compares
     * the digest with the one an auditor kept.
     */
    public CheckpointResult verifyCheckpoint(long globalPosition, byte[] checkpointHash) {
        MessageDigest digest = StoredEvent.sha256();
        Map<String, byte[]> lastHashByCase = new HashMap<>();
        long[] count = {0};
        readOnly.executeWithoutResult(status -> jdbcTemplate.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, globalPosition);
            return statement;
        }, rs -> {
            StoredEvent event = StoredEvent.from(rs);
            byte[] previous = lastHashByCase.getOrDefault(event.aggregateIdentifier(), StoredEvent.GENESIS);
            byte[] chain = event.chainHash(previous);
            lastHashByCase.put(event.aggregateIdentifier(), chain);
            addToDigest(digest, event.globalIndex(), chain);
            count[0]++;
        }));
        byte[] recomputed = digest.digest();
        boolean verified = MessageDigest.isEqual(recomputed, checkpointHash);
        List<CaseResult> failed = verified ? List.of() : verifyStore().failures();
        return new CheckpointResult(verified, globalPosition, HEX.formatHex(checkpointHash),
                HEX.formatHex(recomputed), count[0], failed);
    }

    /**
     * The highest global index up to which every event is sealed and settled: the newest seal at
     * least the settle time old, or just below the first event under it that has no seal. The
     * settle time outlasts write transactions, so no event can still appear below the position.
     */
    long sealedPosition() {
        Long position = jdbc.sql("""
                        WITH settled AS (
                            SELECT max(global_index) AS candidate FROM event_seal
                             WHERE sealed_at <= now() - make_interval(secs => :settleSeconds))
                        SELECT least((SELECT candidate FROM settled),
                                     (SELECT min(e.global_index) - 1 FROM domain_event_entry e
                                       WHERE e.global_index <= (SELECT candidate FROM settled)
                                         AND NOT EXISTS (SELECT 1 FROM event_seal s
                                                          WHERE s.global_index = e.global_index)))
                        """)
                .param("settleSeconds", settleTime.toMillis() / 1000.0)
                .query(Long.class)
                .optional()
                .orElse(null);
        return position == null ? -1 : position;
    }

    private static void addToDigest(MessageDigest digest, long globalIndex, byte[] chainHash) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(globalIndex).array());
        digest.update(chainHash);
    }

    private void stream(String sql, Object[] parameters, java.util.function.Consumer<CaseResult> results) {
        readOnly.executeWithoutResult(status -> {
            CaseCheck[] current = {null};
            jdbcTemplate.query(connection -> {
                var statement = connection.prepareStatement(sql);
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement;
            }, rs -> {
                String caseId = rs.getString("case_id");
                if (current[0] == null || !current[0].caseId.equals(caseId)) {
                    if (current[0] != null) {
                        results.accept(current[0].result());
                    }
                    current[0] = new CaseCheck(caseId);
                }
                current[0].next(rs);
            });
            if (current[0] != null) {
                results.accept(current[0].result());
            }
        });
    }

    private static String joined(String events, String seals) {
        return JOINED.formatted(events, seals);
    }

    /** Walks one case's rows in sequence order, as the chain was built. */
    private final class CaseCheck {

        private final String caseId;
        private byte[] previous = StoredEvent.GENESIS;
        private long checked;
        private long unsealed;
        private Mismatch mismatch;
        private Mismatch pendingInsertion;

        CaseCheck(String caseId) {
            this.caseId = caseId;
        }

        void next(ResultSet rs) throws SQLException {
            if (mismatch != null) {
                return;
            }
            long sequence = rs.getLong("seq");
            String sealedId = rs.getString("sealed_event_identifier");
            byte[] sealedHash = rs.getBytes("sealed_hash");
            String storedId = rs.getString("event_identifier");
            if (sealedId == null) {
                if (pendingInsertion == null) {
                    pendingInsertion = new Mismatch(sequence, Problem.INSERTED, storedId, null);
                }
                previous = StoredEvent.from(rs).chainHash(previous);
                unsealed++;
                return;
            }
            if (pendingInsertion != null) {
                mismatch = pendingInsertion;
                return;
            }
            checked++;
            if (storedId == null) {
                mismatch = new Mismatch(sequence, Problem.MISSING, null, sealedId);
            } else if (!storedId.equals(sealedId)) {
                boolean sealedElsewhere = jdbc.sql("SELECT count(*) FROM event_seal WHERE event_identifier = :id")
                        .param("id", storedId).query(Long.class).single() > 0;
                mismatch = new Mismatch(sequence, sealedElsewhere ? Problem.REORDERED : Problem.REPLACED, storedId,
                        sealedId);
            } else {
                byte[] chain = StoredEvent.from(rs).chainHash(previous);
                if (!Arrays.equals(chain, sealedHash)) {
                    mismatch = new Mismatch(sequence, Problem.ALTERED, storedId, sealedId);
                } else {
                    previous = chain;
                }
            }
        }

        CaseResult result() {
            return new CaseResult(caseId, mismatch == null, checked, mismatch == null ? unsealed : 0, mismatch);
        }
    }
}
