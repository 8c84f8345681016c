package org.caserecord.projections.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.MeetingType;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case manager's agenda: the scheduled meetings not yet ended and the open follow-ups of the
 * open cases assigned to them, in time order (a follow-up counts from the start of its day in the
 * clinic's zone).
 */
@Service
public class AgendaQueries {

    private final JdbcClient jdbc;

    public AgendaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Items from {@code from} (inclusive) to {@code to} (exclusive), at most {@code limit}. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<AgendaItem> agenda(String caseManagerId, Instant from, Instant to, ZoneId zone, int limit) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT 'MEETING' AS kind, m.scheduled_meeting_id AS id, m.case_id, m.scheduled_for AS at,
                                   m.planned_minutes, m.type, NULL::date AS due_on
                              FROM case_scheduled_meeting m
                              JOIN case_file f ON f.case_id = m.case_id
                             WHERE f.case_manager_id = :manager AND f.status = 'OPEN' AND m.status = 'SCHEDULED'
                               AND m.scheduled_for >= :from AND m.scheduled_for < :to
                            UNION ALL
                            SELECT 'FOLLOW_UP', u.follow_up_id, u.case_id, (u.due_on::timestamp AT TIME ZONE :zone),
                                   NULL, NULL, u.due_on
                              FROM caseload_follow_up u
                              JOIN caseload_entry e ON e.case_id = u.case_id
                             WHERE e.case_manager_id = :manager AND e.status = 'OPEN' AND NOT u.completed
                               AND (u.due_on::timestamp AT TIME ZONE :zone) >= :from
                               AND (u.due_on::timestamp AT TIME ZONE :zone) < :to) items
                         ORDER BY at, id
                         LIMIT :limit
                        """)
                .param("manager", caseManagerId)
                .param("from", SqlTime.utc(from))
                .param("to", SqlTime.utc(to))
                .param("zone", zone.getId())
                .param("limit", limit)
                .query((rs, n) -> new AgendaItem(rs.getString("kind"), rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        AgendaItem.MEETING.equals(rs.getString("kind")) ? SqlTime.instant(rs, "at") : null,
                        rs.getObject("planned_minutes", Integer.class),
                        rs.getString("type") == null ? null : MeetingType.valueOf(rs.getString("type")),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }
}
