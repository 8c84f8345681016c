package org.caserecord.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.caserecord.api.web.SafeLog;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.caserecord.projections.caseload.CaseloadProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks that the per-case read models reflect every event their processors have passed: for
 * each case, the read model's version must equal the last sequence number the store holds among
 * the events at or below the processor's position (its lowest segment, minus the holes it still
 * waits for). A case behind that line lost an event: a processor skipped it, or its rows were
 * changed by hand. Events the processor has not reached yet are lag, not loss, and are left out.
 * The check runs on a schedule for the metric and on demand at the admin endpoint; a case found
 * behind is repaired by replaying its read model.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** The read models with one row and one version per case: processing group → table. */
    static final Map<String, String> READ_MODELS = Map.of(
            CaseFileProjection.PROCESSING_GROUP, "case_file",
            CaseloadProjection.PROCESSING_GROUP, "caseload_entry");
    static final int LISTED = 100;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final Map<String, AtomicLong> casesBehind = new ConcurrentHashMap<>();

    Reconciliation(JdbcClient jdbc, Serializer serializer, Clock clock, MeterRegistry meters,
                   PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.serializer = serializer;
        this.clock = clock;
        READ_MODELS.keySet().forEach(readModel -> {
            AtomicLong behind = new AtomicLong(-1);
            casesBehind.put(readModel, behind);
            Gauge.builder("caserecord.read.model.cases.behind", behind, AtomicLong::get)
                    .description("Cases whose read model misses an event its processor has passed, at the last"
                            + " reconciliation (-1 before the first)")
                    .tag("readModel", readModel)
                    .register(meters);
            Gauge.builder("caserecord.read.model.events.behind", this, r -> r.eventsBehind(readModel))
                    .description("Events in the store beyond the read model processor's position")
                    .tag("readModel", readModel)
                    .register(meters);
        });
    }

    /** One case a read model has not caught up with although its processor has passed its events. */
    public record CaseBehind(UUID caseId, Long projectedVersion, long storedVersion) {
    }

    /**
     * @param position   the processor's position (null when it has not started or is replaying: nothing checked)
     * @param casesBehind how many cases are behind; {@code behind} lists the first of them
     */
    public record Report(String readModel, Instant checkedAt, Long position, int pendingGaps, long casesBehind,
                         List<CaseBehind> behind) {
    }

    public List<Report> check() {
        return READ_MODELS.keySet().stream().sorted().map(this::check).toList();
    }

    @Scheduled(fixedDelayString = "${caserecord.reconciliation-interval:PT5M}", initialDelayString = "PT1M")
    void checkForMetrics() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Reconciliation of the read models failed: {}", SafeLog.describe(e));
        }
    }

    /** One read model, in one snapshot of the database (tokens and events as of the same moment). */
    public Report check(String readModel) {
        return snapshot.execute(status -> checkInSnapshot(readModel));
    }

    private Report checkInSnapshot(String readModel) {
        Position position = position(readModel);
        Instant checkedAt = Instant.now(clock);
        if (position == null) {
            return new Report(readModel, checkedAt, null, 0, 0, List.of());
        }
        List<CaseBehind> behind = new ArrayList<>();
        long[] count = {0};
        jdbc.sql("""
                        WITH stored AS (
                            SELECT aggregate_identifier, max(sequence_number) AS last_sequence
                              FROM domain_event_entry
                             WHERE type = 'CaseFile' AND global_index <= :position
                               AND NOT (global_index = ANY(:gaps))
                             GROUP BY aggregate_identifier)
                        SELECT s.aggregate_identifier, s.last_sequence, r.version
                          FROM stored s
                          LEFT JOIN %s r ON r.case_id = s.aggregate_identifier::uuid
                         WHERE r.version IS NULL OR r.version < s.last_sequence
                         ORDER BY s.aggregate_identifier
                        """.formatted(READ_MODELS.get(readModel)))
                .param("position", position.index())
                .param("gaps", position.gaps().toArray(Long[]::new))
                .query(rs -> {
                    if (count[0]++ < LISTED) {
                        long version = rs.getLong("version");
                        behind.add(new CaseBehind(UUID.fromString(rs.getString("aggregate_identifier")),
                                rs.wasNull() ? null : version, rs.getLong("last_sequence")));
                    }
                });
        casesBehind.get(readModel).set(count[0]);
        if (count[0] > 0) {
            log.warn("Read model {} misses events of {} case(s) its processor has passed; replay it",
                    readModel, count[0]);
        }
        return new Report(readModel, checkedAt, position.index(), position.gaps().size(), count[0], behind);
    }

    private double eventsBehind(String readModel) {
        try {
            Position position = position(readModel);
            Long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
            return position == null || head == null ? Double.NaN : Math.max(0, head - position.index());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Position(long index, SortedSet<Long> gaps) {
    }

    /** The lowest position over the processor's segments, with every hole any segment waits for. */
    private Position position(String processor) {
        List<TrackingToken> tokens = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = :name")
                .param("name", processor)
                .query((rs, row) -> rs.getBytes("token") == null ? null
                        : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                                rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)))
                .list();
        if (tokens.isEmpty()) {
            return null;
        }
        long index = Long.MAX_VALUE;
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            if (token == null) {
                // A segment that has not stored a position yet has passed nothing.
                return new Position(-1, new TreeSet<>());
            }
            // During a replay the token wraps what the rebuilt read model has reached so far.
            if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware)) {
                log.warn("Reconciliation cannot read a position from a {} of {}", token.getClass().getSimpleName(),
                        processor);
                return null;
            }
            index = Math.min(index, gapAware.getIndex());
            gaps.addAll(gapAware.getGaps());
        }
        return new Position(index, gaps);
    }
}
