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
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.caserecord.api.audit.Verification.CaseResult;
import org.caserecord.api.audit.Verification.Checkpoint;
import org.caserecord.api.audit.Verification.CheckpointResult;
import org.caserecord.api.audit.Verification.Mismatch;
import org.caserecord.api.audit.Verification.Problem;
import org.caserecord.api.audit.Verification.StoreResult;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.api.web.ApiException;
import org.springframework.http.HttpStatus;
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
    private static final Duration SEAL_WAIT = Duration.ofSeconds(3);
    private static final HexFormat HEX = HexFormat.of();

    /** Events in each case's order with their seals: an index scan, no sort of the table. */
    private static final String EVENTS_WITH_SEALS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   s.event_identifier AS sealed_event_identifier, s.chain_hash AS sealed_hash
              FROM domain_event_entry e
              LEFT JOIN event_seal s
                ON s.aggregate_identifier = e.aggregate_identifier AND s.sequence_number = e.sequence_number
             %s
             ORDER BY e.aggregate_identifier, e.sequence_number
            """;

    /** Seals whose event is gone: per case, the first such sequence and the event it sealed. */
    private static final String ORPHANED_SEALS = """
            SELECT DISTINCT ON (s.aggregate_identifier) s.aggregate_identifier, s.sequence_number, s.event_identifier
              FROM event_seal s
             WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e
                                WHERE e.aggregate_identifier = s.aggregate_identifier
                                  AND e.sequence_number = s.sequence_number)
               %s
             ORDER BY s.aggregate_identifier, s.sequence_number
            """;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration settleTime;
    private final Semaphore wholeStoreScan = new Semaphore(1);
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
        List<CaseResult> results = new ArrayList<>();
        scan("WHERE e.aggregate_identifier = ?", "AND s.aggregate_identifier = ?", caseId, results::add);
        return results.stream().findFirst();
    }

    /**
     * The chain hash (hex) of the case's event at {@code sequence}, recomputed from the event table
     * and confirmed by its seal: what an export carries so its recipient can have it verified.
     * Waits briefly for a seal that is moments behind; refuses when the stored events no longer
     * match their seals.
     */
    public String attestedChainHash(String caseId, long sequence) {
        Recomputed chain = recompute(caseId, sequence);
        byte[] recomputed = chain.hash();
        Optional<byte[]> sealed = seal(caseId, sequence);
        long deadline = System.nanoTime() + SEAL_WAIT.toNanos();
        while (sealed.isEmpty() && System.nanoTime() < deadline) {
            pause();
            sealed = seal(caseId, sequence);
        }
        if (sealed.isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "not-sealed-yet", "Not sealed yet",
                    "The case's latest entry is not sealed into its hash chain yet. Retry shortly.");
        }
        if (chain.events() != sequence + 1 || !Arrays.equals(recomputed, sealed.get())) {
            throw new ApiException(HttpStatus.CONFLICT, "record-integrity-failure", "Record fails verification",
                    "The case's stored events no longer match their seals; an auditor should run the verification.");
        }
        return HEX.formatHex(recomputed);
    }

    /**
     * The chain hash (hex) of the case's event at {@code sequence}, recomputed from the event table
     * as the caller's transaction sees it, without waiting for a seal: for an event appended in that
     * very transaction, which no seal can cover yet. Empty if the case has no such event.
     */
    public Optional<String> chainHash(String caseId, long sequence) {
        Recomputed chain = recompute(caseId, sequence);
        return chain.events() == sequence + 1 ? Optional.of(HEX.formatHex(chain.hash())) : Optional.empty();
    }

    private Recomputed recompute(String caseId, long sequence) {
        byte[] recomputed = StoredEvent.GENESIS;
        List<StoredEvent> events = jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                         FROM domain_event_entry
                        WHERE aggregate_identifier = :caseId AND sequence_number <= :sequence
                        ORDER BY sequence_number
                        """)
                .param("caseId", caseId)
                .param("sequence", sequence)
                .query((rs, n) -> StoredEvent.from(rs))
                .list();
        for (StoredEvent event : events) {
            recomputed = event.chainHash(recomputed);
        }
        return new Recomputed(recomputed, events.size());
    }

    private record Recomputed(byte[] hash, int events) {
    }

    private Optional<byte[]> seal(String caseId, long sequence) {
        return jdbc.sql("SELECT chain_hash FROM event_seal WHERE aggregate_identifier = :caseId "
                        + "AND sequence_number = :sequence")
                .param("caseId", caseId)
                .param("sequence", sequence)
                .query(byte[].class)
                .optional();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a seal", e);
        }
    }

    /**
     * Every case's chain checked against its seals: one pass over the event table in index
     * order. One such scan runs at a time; another caller is refused until it ends.
     */
    public StoreResult verifyStore() {
        return exclusively(() -> {
            List<CaseResult> failures = new ArrayList<>();
            long[] totals = new long[4]; // cases, events checked, unsealed, failed
            scan("", "", null, result -> {
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
            return new StoreResult(totals[3] == 0, totals[0], totals[1], totals[2], totals[3],
                    List.copyOf(failures));
        });
    }

    /** A digest over the seals up to the position every earlier event is sealed to. */
    public Checkpoint checkpoint() {
        return exclusively(() -> {
            long position = sealedPosition();
            MessageDigest digest = StoredEvent.sha256();
            long[] count = {0};
            longRead(() -> jdbcTemplate.query(connection -> {
                var statement = connection.prepareStatement("""
                        SELECT global_index, chain_hash FROM event_seal WHERE global_index <= ? ORDER BY global_index""");
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, position);
                return statement;
            }, rs -> {
                addToDigest(digest, rs.getLong("global_index"), rs.getBytes("chain_hash"));
                count[0]++;
            }));
            return new Checkpoint(position, HEX.formatHex(digest.digest()), count[0], clock.instant(),
                    ALGORITHM + "; checkpoint = SHA-256 over (global index, chain hash) of each seal in global order");
        });
    }

    /**
     * Recomputes every chain from today's event table up to {@code globalPosition} and compares
     * the digest with the one an auditor kept; on a mismatch also lists the cases whose events
     * no longer match their seals.
     */
    public CheckpointResult verifyCheckpoint(long globalPosition, byte[] checkpointHash) {
        return exclusively(() -> {
            MessageDigest digest = StoredEvent.sha256();
            Map<String, byte[]> lastHashByCase = new HashMap<>();
            long[] count = {0};
            longRead(() -> jdbcTemplate.query(connection -> {
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
            List<CaseResult> failed = new ArrayList<>();
            if (!verified) {
                scan("", "", null, result -> {
                    if (!result.verified() && failed.size() < MAX_FAILURES_LISTED) {
                        failed.add(result);
                    }
                });
            }
            return new CheckpointResult(verified, globalPosition, HEX.formatHex(checkpointHash),
                    HEX.formatHex(recomputed), count[0], List.copyOf(failed));
        });
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
                .param("settleSeconds", settleSeconds())
                .query(Long.class)
                .optional()
                .orElse(null);
        return position == null ? -1 : position;
    }

    /** The newest settled seal's global index: every event below it should have been sealed. */
    private long settledSealIndex() {
        Long index = jdbc.sql("""
                        SELECT max(global_index) FROM event_seal
                         WHERE sealed_at <= now() - make_interval(secs => :settleSeconds)""")
                .param("settleSeconds", settleSeconds())
                .query(Long.class)
                .optional()
                .orElse(null);
        return index == null ? -1 : index;
    }

    private double settleSeconds() {
        return settleTime.toMillis() / 1000.0;
    }

    private static void addToDigest(MessageDigest digest, long globalIndex, byte[] chainHash) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(globalIndex).array());
        digest.update(chainHash);
    }

    private <T> T exclusively(Supplier<T> scan) {
        if (!wholeStoreScan.tryAcquire()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "audit-scan-running", "Audit scan running",
                    "Another verification or checkpoint over the whole store is running; retry when it ends.");
        }
        try {
            return scan.get();
        } finally {
            wholeStoreScan.release();
        }
    }

    /** A read-only transaction without the statement timeout: whole-store scans take minutes. */
    private void longRead(Runnable reads) {
        readOnly.executeWithoutResult(status -> {
            jdbcTemplate.execute("SET LOCAL statement_timeout = 0");
            reads.run();
        });
    }

    /**
     * Checks cases' chains: the events in each case's order with their seals, then the seals whose
     * events are gone. {@code eventsWhere}/{@code sealsWhere} restrict both to one case (bound to
     * {@code caseId}) or are empty for every case.
     */
    private void scan(String eventsWhere, String sealsWhere, String caseId, Consumer<CaseResult> results) {
        long settled = settledSealIndex();
        Map<String, Mismatch> orphaned = new HashMap<>();
        longRead(() -> {
            jdbcTemplate.query(ORPHANED_SEALS.formatted(sealsWhere), rs -> {
                orphaned.put(rs.getString("aggregate_identifier"), new Mismatch(rs.getLong("sequence_number"),
                        Problem.MISSING, null, rs.getString("event_identifier")));
            }, caseId == null ? new Object[0] : new Object[] {caseId});
            CaseCheck[] current = {null};
            jdbcTemplate.query(connection -> {
                var statement = connection.prepareStatement(EVENTS_WITH_SEALS.formatted(eventsWhere));
                statement.setFetchSize(FETCH_SIZE);
                if (caseId != null) {
                    statement.setString(1, caseId);
                }
                return statement;
            }, rs -> {
                String aggregate = rs.getString("aggregate_identifier");
                if (current[0] == null || !current[0].caseId.equals(aggregate)) {
                    if (current[0] != null) {
                        results.accept(current[0].result(orphaned.remove(current[0].caseId)));
                    }
                    current[0] = new CaseCheck(aggregate, settled);
                }
                current[0].next(rs);
            });
            if (current[0] != null) {
                results.accept(current[0].result(orphaned.remove(current[0].caseId)));
            }
        });
        // Cases none of whose events remain.
        orphaned.forEach((aggregate, missing) -> results.accept(new CaseResult(aggregate, false, 0, 0, missing)));
    }

    /** Walks one case's rows in sequence order, as the chain was built. */
    private final class CaseCheck {

        private final String caseId;
        private final long settledSealIndex;
        private byte[] previous = StoredEvent.GENESIS;
        private long expectedSequence;
        private long checked;
        private long unsealed;
        private Mismatch mismatch;
        private Mismatch pendingInsertion;

        CaseCheck(String caseId, long settledSealIndex) {
            this.caseId = caseId;
            this.settledSealIndex = settledSealIndex;
        }

        void next(ResultSet rs) throws SQLException {
            if (mismatch != null) {
                return;
            }
            long sequence = rs.getLong("sequence_number");
            if (sequence != expectedSequence) {
                // Sequences of a case are contiguous from 0: a hole is a removed event.
                mismatch = new Mismatch(expectedSequence, Problem.MISSING, null, null);
                return;
            }
            expectedSequence++;
            String sealedId = rs.getString("sealed_event_identifier");
            String storedId = rs.getString("event_identifier");
            if (sealedId == null) {
                if (rs.getLong("global_index") <= settledSealIndex) {
                    mismatch = new Mismatch(sequence, Problem.UNSEALED, storedId, null);
                    return;
                }
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
            if (!storedId.equals(sealedId)) {
                boolean sealedElsewhere = jdbc.sql("SELECT count(*) FROM event_seal WHERE event_identifier = :id")
                        .param("id", storedId).query(Long.class).single() > 0;
                mismatch = new Mismatch(sequence, sealedElsewhere ? Problem.REORDERED : Problem.REPLACED, storedId,
                        sealedId);
                return;
            }
            byte[] chain = StoredEvent.from(rs).chainHash(previous);
            if (!Arrays.equals(chain, rs.getBytes("sealed_hash"))) {
                mismatch = new Mismatch(sequence, Problem.ALTERED, storedId, sealedId);
            } else {
                previous = chain;
            }
        }

        /** The outcome, given the first of this case's seals whose event is gone (if any). */
        CaseResult result(Mismatch orphanedSeal) {
            Mismatch first = mismatch;
            if (orphanedSeal != null && (first == null || orphanedSeal.sequence() < first.sequence())) {
                first = orphanedSeal;
            }
            return new CaseResult(caseId, first == null, checked, first == null ? unsealed : 0, first);
        }
    }
}
