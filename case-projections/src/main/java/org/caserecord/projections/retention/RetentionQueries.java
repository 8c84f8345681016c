package org.caserecord.projections.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention register and legal holds, read from the case file read model. A case's status is
 * worked out for the day asked about, so eligibility follows the calendar without any job having
 * to mark cases: a case becomes ELIGIBLE on its retain-until date.
 */
@Service
public class RetentionQueries {

    /** Every case with its retention status on :today, as relation r. */
    private static final String CASES = """
            (SELECT f.case_id, f.case_manager_id, f.closed_on, f.retain_until, f.disposed_at,
                       COALESCE(f.retain_until, 'infinity'::date) AS due,
                       CASE WHEN f.disposed_at IS NOT NULL THEN 'DISPOSED'
                            WHEN EXISTS (SELECT 1 FROM case_legal_hold h
                                          WHERE h.case_id = f.case_id AND h.released_at IS NULL) THEN 'ON_HOLD'
                            WHEN f.status = 'OPEN' THEN 'ACTIVE'
                            WHEN f.retain_until <= :today THEN 'ELIGIBLE'
                            ELSE 'RETAINED' END AS retention_status
               FROM case_file f) r
            """;
    private static final String REGISTER = "SELECT * FROM " + CASES;

    private final JdbcClient jdbc;

    public RetentionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the register in order of retain-until date (open cases last), then case id.
     *
     * @param status    only cases in this status on {@code today}; null for all
     * @param dueBefore only cases whose retention ends before this day; null for all
     * @param after     where the previous page ended; null for the first page
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<RetentionEntry> register(LocalDate today, RetentionStatus status, LocalDate dueBefore,
                                         Position after, int limit) {
        String cursor = after == null ? ""
                : " AND (r.due, r.case_id) > (COALESCE(CAST(:afterDue AS date), 'infinity'::date), :afterId)";
        List<Row> rows = jdbc.sql(REGISTER + """
                         WHERE (CAST(:status AS text) IS NULL OR r.retention_status = :status)
                           AND (CAST(:dueBefore AS date) IS NULL OR r.due < :dueBefore)
                        """ + cursor + " ORDER BY r.due, r.case_id LIMIT :limit")
                .param("today", today)
                .param("status", status == null ? null : status.name())
                .param("dueBefore", dueBefore)
                .param("afterDue", after == null ? null : after.retainUntil())
                .param("afterId", after == null ? null : after.caseId())
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject("case_id", UUID.class), rs.getString("case_manager_id"),
                        rs.getObject("closed_on", LocalDate.class), rs.getObject("retain_until", LocalDate.class),
                        RetentionStatus.valueOf(rs.getString("retention_status")),
                        SqlTime.instant(rs, "disposed_at")))
                .list();
        Map<UUID, List<RetentionEntry.Hold>> holds = activeHolds(rows.stream().map(Row::caseId).toList());
        return rows.stream()
                .map(row -> new RetentionEntry(row.caseId(), row.caseManagerId(), row.closedOn(), row.retainUntil(),
                        row.status(), holds.getOrDefault(row.caseId(), List.of()), row.disposedAt()))
                .toList();
    }

    /**
     * A place in the register's order: a retain-until date (null sorts after every date: open and
     * disposed cases) and a case id. Pages continue after the last entry shown, even if that case
     * has moved since.
     */
    public record Position(LocalDate retainUntil, UUID caseId) {

        public static Position of(RetentionEntry entry) {
            return new Position(entry.retainUntil(), entry.caseId());
        }
    }

    /** Every legal hold of the case, placed first first, released ones included. */
    public List<LegalHoldView> holdsOf(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_legal_hold WHERE case_id = :caseId ORDER BY sequence")
                .param("caseId", caseId)
                .query((rs, n) -> new LegalHoldView(rs.getObject("hold_id", UUID.class),
                        rs.getObject("case_id", UUID.class), rs.getString("matter_reference"), rs.getString("reason"),
                        SqlTime.instant(rs, "placed_at"), rs.getString("placed_by"),
                        SqlTime.instant(rs, "released_at"), rs.getString("released_by"),
                        rs.getString("release_reason")))
                .list();
    }

    public Optional<LegalHoldView> hold(UUID caseId, UUID holdId) {
        return holdsOf(caseId).stream().filter(hold -> hold.holdId().equals(holdId)).findFirst();
    }

    /**
     * For the dashboard: cases per status today, and how many records become eligible for disposal
     * within {@code horizonDays} days, in all and by month.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RetentionSummary summary(LocalDate today, int horizonDays) {
        Map<RetentionStatus, Long> counts = jdbc.sql("SELECT r.retention_status, count(*) FROM " + CASES
                        + " GROUP BY r.retention_status")
                .param("today", today)
                .query((rs, n) -> Map.entry(RetentionStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LocalDate horizon = today.plusDays(horizonDays);
        Map<String, Long> byMonth = new LinkedHashMap<>();
        jdbc.sql("SELECT to_char(r.retain_until, 'YYYY-MM') AS month, count(*) FROM " + CASES + """
                         WHERE r.retention_status = 'RETAINED' AND r.retain_until <= :horizon
                         GROUP BY 1 ORDER BY 1
                        """)
                .param("today", today)
                .param("horizon", horizon)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(entry -> byMonth.put(entry.getKey(), entry.getValue()));
        Map<RetentionStatus, Long> byStatus = new LinkedHashMap<>();
        for (RetentionStatus status : RetentionStatus.values()) {
            byStatus.put(status, counts.getOrDefault(status, 0L));
        }
        return new RetentionSummary(byStatus, horizon, byMonth.values().stream().mapToLong(Long::longValue).sum(),
                byMonth);
    }

    private Map<UUID, List<RetentionEntry.Hold>> activeHolds(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT case_id, hold_id, matter_reference, placed_at, placed_by FROM case_legal_hold
                         WHERE case_id = ANY(:caseIds) AND released_at IS NULL ORDER BY sequence
                        """)
                .param("caseIds", caseIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("case_id", UUID.class),
                        new RetentionEntry.Hold(rs.getObject("hold_id", UUID.class), rs.getString("matter_reference"),
                                SqlTime.instant(rs, "placed_at"), rs.getString("placed_by"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Row(UUID caseId, String caseManagerId, LocalDate closedOn, LocalDate retainUntil,
                       RetentionStatus status, Instant disposedAt) {
    }
}
