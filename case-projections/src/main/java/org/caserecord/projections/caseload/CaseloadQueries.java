package org.caserecord.projections.caseload;

import static org.caserecord.projections.support.SqlTime.instant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.RiskLevel;
import org.caserecord.projections.caseload.CaseloadQuery.Sort;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads caseloads. Pages are keyed on the sort order plus the case id, so a cursor stays
 * valid while cases are added; it carries no client data. "Overdue" and "days since last
 * contact" are computed for the instant given in the query.
 */
@Service
public class CaseloadQueries {

    /** The caseload rows with overdue worked out; the :parameters come from the query. */
    private static final String ENTRIES = """
            SELECT e.*,
                   (COALESCE(e.next_follow_up_due < :today, false)
                    OR COALESCE(e.last_contact_at, e.opened_on::timestamptz) < :contactCutoff
                    OR COALESCE(e.last_no_show_at > COALESCE(e.last_contact_at, '-infinity'::timestamptz), false))
                       AS overdue,
                   COALESCE(e.next_follow_up_due, DATE 'infinity') AS next_due_key
              FROM caseload_entry e
             WHERE e.status = 'OPEN'
            """;

    private final JdbcClient jdbc;

    public CaseloadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest case first; kept for callers that need no filters. */
    public CaseloadPage openCases(String caseManagerId, int limit, String cursor) {
        Instant now = Instant.now();
        return openCases(new CaseloadQuery(caseManagerId, null, null, Sort.OPENED_ON, limit, cursor, now,
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), 30));
    }

    /** @throws InvalidCursorException when the cursor was not produced by this service for this sort */
    public CaseloadPage openCases(CaseloadQuery query) {
        Position after = query.cursor() == null ? null : Position.decode(query.cursor(), query.sort());
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(ENTRIES)
                .append(" AND e.case_manager_id = :caseManagerId) c WHERE true");
        if (query.overdue() != null) {
            sql.append(" AND c.overdue = :overdue");
        }
        if (query.riskLevel() != null) {
            sql.append(" AND c.risk_level = :riskLevel");
        }
        String order = query.sort() == Sort.NEXT_DUE ? "c.next_due_key, c.opened_on, c.case_id"
                : "c.opened_on, c.case_id";
        if (after != null) {
            sql.append(query.sort() == Sort.NEXT_DUE
                    ? " AND (c.next_due_key, c.opened_on, c.case_id) > (:afterDue, :afterOpenedOn, :afterCaseId)"
                    : " AND (c.opened_on, c.case_id) > (:afterOpenedOn, :afterCaseId)");
        }
        sql.append(" ORDER BY ").append(order).append(" LIMIT :limit");

        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("caseManagerId", query.caseManagerId())
                .param("today", query.today())
                .param("contactCutoff", SqlTime.utc(query.now().minus(Duration.ofDays(query.noContactDays()))))
                .param("limit", query.limit() + 1);
        if (query.overdue() != null) {
            statement = statement.param("overdue", query.overdue());
        }
        if (query.riskLevel() != null) {
            statement = statement.param("riskLevel", query.riskLevel().name());
        }
        if (after != null) {
            statement = statement.param("afterOpenedOn", after.openedOn()).param("afterCaseId", after.caseId());
            if (query.sort() == Sort.NEXT_DUE) {
                statement = statement.param("afterDue", after.due());
            }
        }
        List<Row> rows = statement.query((rs, n) -> new Row(new CaseloadEntry(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("client_name"),
                        rs.getObject("opened_on", LocalDate.class),
                        instant(rs, "last_contact_at"),
                        daysSince(instant(rs, "last_contact_at"), query.now()),
                        rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getObject("next_follow_up_due", LocalDate.class),
                        rs.getBoolean("overdue"),
                        rs.getInt("pending_referrals"),
                        rs.getInt("open_referrals"),
                        rs.getLong("version"),
                        instant(rs, "next_meeting_at")),
                        rs.getObject("next_due_key", LocalDate.class)))
                .list();
        if (rows.size() <= query.limit()) {
            return new CaseloadPage(query.caseManagerId(), rows.stream().map(Row::entry).toList(), null);
        }
        List<Row> page = rows.subList(0, query.limit());
        Row last = page.get(page.size() - 1);
        Position next = new Position(query.sort(), last.dueKey(), last.entry().openedOn(), last.entry().caseId());
        return new CaseloadPage(query.caseManagerId(), page.stream().map(Row::entry).toList(), next.encode());
    }

    /** The supervisor's overview: one line per case manager with open cases, by manager id. */
    public List<ManagerOverview> overview(Instant now, LocalDate today, int noContactDays) {
        return jdbc.sql("SELECT c.case_manager_id, count(*) AS open_cases,"
                        + " count(*) FILTER (WHERE c.overdue) AS overdue,"
                        + " count(*) FILTER (WHERE c.risk_level IN ('HIGH', 'IMMINENT')) AS high_risk,"
                        + " COALESCE(sum(c.pending_referrals), 0) AS pending_referrals"
                        + " FROM (" + ENTRIES + ") c GROUP BY c.case_manager_id ORDER BY c.case_manager_id")
                .param("today", today)
                .param("contactCutoff", SqlTime.utc(now.minus(Duration.ofDays(noContactDays))))
                .query((rs, n) -> new ManagerOverview(rs.getString("case_manager_id"), rs.getInt("open_cases"),
                        rs.getInt("overdue"), rs.getInt("high_risk"), rs.getInt("pending_referrals")))
                .list();
    }

    private static Long daysSince(Instant lastContact, Instant now) {
        return lastContact == null ? null : Math.max(0, Duration.between(lastContact, now).toDays());
    }

    private record Row(CaseloadEntry entry, LocalDate dueKey) {
    }

    /** Where a page ended, in the terms of its sort order. */
    record Position(Sort sort, LocalDate due, LocalDate openedOn, UUID caseId) {

        String encode() {
            String raw = sort + "|" + (sort == Sort.NEXT_DUE ? due : "") + "|" + openedOn + "|" + caseId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, Sort expectedSort) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 4 || !parts[0].equals(expectedSort.name())) {
                    throw new InvalidCursorException();
                }
                LocalDate due = expectedSort == Sort.NEXT_DUE ? parseDue(parts[1]) : null;
                return new Position(expectedSort, due, LocalDate.parse(parts[2]), UUID.fromString(parts[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidCursorException();
            }
        }

        private static LocalDate parseDue(String due) {
            return LocalDate.parse(due);
        }
    }
}
