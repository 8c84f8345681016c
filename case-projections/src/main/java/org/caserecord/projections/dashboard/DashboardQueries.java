package org.caserecord.projections.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return new Dashboard(from, to, openCases, opened, new Dashboard.Closed(closedTotal, closedByReason), meetings,
                referrals, median == null ? null : Math.round(median * 10) / 10.0, overdue, byRisk, reimbursement,
                retention.summary(today, RETENTION_HORIZON_DAYS));
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
