package org.caserecord.projections.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the case file read model. {@link #find} reads the case and its meetings and
 * referrals in one REPEATABLE READ transaction, so a projection committing in between
 * cannot produce a view whose version and contents disagree.
 */
@Service
public class CaseFileQueries {

    private final JdbcClient jdbc;

    public CaseFileQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version of the case in the read model, if the read model knows the case. */
    public Optional<Long> versionOf(UUID caseId) {
        return jdbc.sql("SELECT version FROM case_file WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query(Long.class)
                .optional();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<CaseFileView> find(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_file WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, row) -> caseFile(rs, meetingsOf(caseId), referralsOf(caseId)))
                .optional();
    }

    private List<MeetingView> meetingsOf(UUID caseId) {
        Map<UUID, List<Attendee>> attendees = attendeesOf(caseId);
        return jdbc.sql("""
                        SELECT * FROM case_file_meeting
                         WHERE case_id = :caseId
                         ORDER BY occurred_at, sequence
                        """)
                .param("caseId", caseId)
                .query((rs, row) -> {
                    UUID meetingId = rs.getObject("meeting_id", UUID.class);
                    return new MeetingView(
                            meetingId,
                            MeetingType.valueOf(rs.getString("type")),
                            SqlTime.instant(rs, "occurred_at"),
                            rs.getInt("duration_minutes"),
                            attendees.getOrDefault(meetingId, List.of()),
                            rs.getString("notes"),
                            SqlTime.instant(rs, "recorded_at"),
                            rs.getString("recorded_by"));
                })
                .list();
    }

    private Map<UUID, List<Attendee>> attendeesOf(UUID caseId) {
        Map<UUID, List<Attendee>> byMeeting = new HashMap<>();
        jdbc.sql("""
                        SELECT a.meeting_id, a.name, a.role
                          FROM case_file_meeting_attendee a
                          JOIN case_file_meeting m ON m.meeting_id = a.meeting_id
                         WHERE m.case_id = :caseId
                         ORDER BY a.meeting_id, a.position
                        """)
                .param("caseId", caseId)
                .query(rs -> {
                    byMeeting.computeIfAbsent(rs.getObject("meeting_id", UUID.class), id -> new ArrayList<>())
                            .add(new Attendee(rs.getString("name"), rs.getString("role")));
                });
        return byMeeting;
    }

    private List<ReferralView> referralsOf(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_file_referral WHERE case_id = :caseId ORDER BY sequence")
                .param("caseId", caseId)
                .query((rs, row) -> new ReferralView(
                        rs.getObject("referral_id", UUID.class),
                        new Provider(rs.getString("provider_name"), rs.getString("provider_type")),
                        rs.getString("reason"),
                        Urgency.valueOf(rs.getString("urgency")),
                        ReferralStatus.valueOf(rs.getString("status")),
                        rs.getString("outcome_reason"),
                        SqlTime.instant(rs, "added_at"),
                        SqlTime.instant(rs, "updated_at")))
                .list();
    }

    private static CaseFileView caseFile(ResultSet rs, List<MeetingView> meetings, List<ReferralView> referrals)
            throws SQLException {
        String closureReason = rs.getString("closure_reason");
        return new CaseFileView(
                rs.getObject("case_id", UUID.class),
                rs.getLong("version"),
                CaseStatus.valueOf(rs.getString("status")),
                new Client(rs.getString("client_name"), rs.getObject("client_date_of_birth", LocalDate.class)),
                rs.getString("case_manager_id"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getString("referral_source"),
                rs.getString("presenting_concerns"),
                rs.getObject("closed_on", LocalDate.class),
                closureReason == null ? null : ClosureReason.valueOf(closureReason),
                rs.getString("closure_summary"),
                rs.getString("reopen_reason"),
                SqlTime.instant(rs, "recorded_at"),
                SqlTime.instant(rs, "updated_at"),
                meetings,
                referrals);
    }
}
