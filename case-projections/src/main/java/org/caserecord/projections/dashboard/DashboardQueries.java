package org.caserecord.projections.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.caserecord.projections.retention.RetentionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's figures, read from the reporting views in one consistent snapshot. */
@Service
public class DashboardQueries {

    /** The dashboard looks this many days ahead for records becoming eligible for disposal. */
    static final int RETENTION_HORIZON_DAYS = 90;

    private final JdbcClient jdbc;
    private final RetentionQueries retention;

    public DashboardQueries(JdbcClient jdbc, RetentionQueries retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(LocalDate from, LocalDate to, LocalDate today) {
        long openCases = count("SELECT count(*) FROM reporting.open_cases", from, to, today);
        long opened = count("SELECT count(*) FROM reporting.cases WHERE opened_on BETWEEN :from AND :to",
                from, to, today);
        Map<String, Long> closedByReason = counts("""
                SELECT closure_reason, count(*) FROM reporting.closures
                 WHERE closed_on BETWEEN :from AND :to GROUP BY closure_reason ORDER BY closure_reason
                """, from, to, today);
        List<Dashboard.MonthlyMeetings> meetings = jdbc.sql("""
                        SELECT to_char(month, 'YYYY-MM') AS month, type, count(*) AS meetings,
                               sum(duration_minutes) AS total_minutes
                          FROM reporting.meetings
                         WHERE (occurred_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                         GROUP BY month, type ORDER BY month, type
                        """)
                .param("from", from).param("to", to)
                .query((rs, n) -> new Dashboard.MonthlyMeetings(rs.getString("month"), rs.getString("type"),
                        rs.getLong("meetings"), rs.getLong("total_minutes")))
                .list();
        Map<String, Long> referrals = counts("""
                SELECT status, count(*) FROM reporting.referral_outcomes
                 WHERE (added_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to GROUP BY status ORDER BY status
                """, from, to, today);
        Double median = jdbc.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_outcome)
                          FROM reporting.referral_outcomes
                         WHERE days_to_outcome IS NOT NULL
                           AND (added_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                        """)
                .param("from", from).param("to", to)
                .query(Double.class)
                .optional()
                .orElse(null);
        long overdue = count("""
                SELECT count(*) FROM reporting.follow_ups f JOIN reporting.open_cases c ON c.case_id = f.case_id
                 WHERE NOT f.completed AND f.due_on < :today
                """, from, to, today);
        Map<String, Long> byRisk = counts("""
                SELECT COALESCE(risk_level, 'UNASSESSED'), count(*) FROM reporting.open_cases
                 GROUP BY 1 ORDER BY 1
                """, from, to, today);
        List<Dashboard.Reimbursement> reimbursement = jdbc.sql("""
                        SELECT payer_id, status, count(*) AS requests, sum(total) AS claimed,
                               COALESCE(sum(amount_paid), 0) AS paid
                          FROM case_reimbursement_request
                         WHERE (requested_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                         GROUP BY payer_id, status ORDER BY payer_id, status
                        """)
                .param("from", from).param("to", to)
                .query((rs, n) -> new Dashboard.Reimbursement(rs.getString("payer_id"), rs.getString("status"),
                        rs.getLong("requests"), rs.getBigDecimal("claimed"), rs.getBigDecimal("paid")))
                .list();
        long closedTotal = closedByReason.values().stream().mapToLong(Long::longValue).sum();
        List<Dashboard.ResourceReferrals> byResource = referralsByResource(from, to);
        return new Dashboard(from, to, openCases, opened, new Dashboard.Closed(closedTotal, closedByReason), meetings,
                referrals, median == null ? null : Math.round(median * 10) / 10.0, overdue, byRisk, reimbursement,
                retention.summary(today, RETENTION_HORIZON_DAYS), byResource);
    }

    /** Referrals added in the period to resources of the directory, per resource. */
    private List<Dashboard.ResourceReferrals> referralsByResource(LocalDate from, LocalDate to) {
        Map<UUID, Map<String, Long>> declines = new HashMap<>();
        jdbc.sql("""
                        SELECT resource_id, COALESCE(decline_reason, 'UNSPECIFIED') AS reason, count(*)
                          FROM reporting.referral_outcomes
                         WHERE resource_id IS NOT NULL AND answer = 'DECLINED'
                           AND (added_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                         GROUP BY 1, 2 ORDER BY 1, 2
                        """)
                .param("from", from).param("to", to)
                .query(rs -> {
                    declines.computeIfAbsent(rs.getObject(1, UUID.class), id -> new TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return jdbc.sql("""
                        SELECT o.resource_id, r.name, r.type, r.status,
                               count(*) AS referrals,
                               count(*) FILTER (WHERE o.answer = 'ACCEPTED') AS accepted,
                               count(*) FILTER (WHERE o.answer = 'DECLINED') AS declined,
                               count(*) FILTER (WHERE o.status = 'PENDING') AS pending,
                               count(*) FILTER (WHERE o.status = 'COMPLETED') AS completed,
                               count(*) FILTER (WHERE o.status = 'CANCELLED') AS cancelled,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY o.days_to_answer) AS median
                          FROM reporting.referral_outcomes o
                          LEFT JOIN reporting.resources r ON r.resource_id = o.resource_id
                         WHERE o.resource_id IS NOT NULL
                           AND (o.added_at AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                         GROUP BY o.resource_id, r.name, r.type, r.status
                         ORDER BY referrals DESC, r.name, o.resource_id
                        """)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    UUID resourceId = rs.getObject("resource_id", UUID.class);
                    Number median = (Number) rs.getObject("median");
                    return new Dashboard.ResourceReferrals(resourceId, rs.getString("name"), rs.getString("type"),
                            rs.getString("status"), rs.getLong("referrals"), rs.getLong("accepted"),
                            rs.getLong("declined"), declines.getOrDefault(resourceId, Map.of()), rs.getLong("pending"),
                            rs.getLong("completed"), rs.getLong("cancelled"),
                            median == null ? null : Math.round(median.doubleValue() * 10) / 10.0);
                })
                .list();
    }

    private long count(String sql, LocalDate from, LocalDate to, LocalDate today) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        statement = bind(statement, sql, from, to, today);
        return statement.query(Long.class).single();
    }

    private Map<String, Long> counts(String sql, LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql(sql), sql, from, to, today).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String sql, LocalDate from,
                                                 LocalDate to, LocalDate today) {
        if (sql.contains(":from")) {
            statement = statement.param("from", from).param("to", to);
        }
        if (sql.contains(":today")) {
            statement = statement.param("today", today);
        }
        return statement;
    }
}
