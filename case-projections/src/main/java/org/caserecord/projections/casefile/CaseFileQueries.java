package org.caserecord.projections.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.support.JsonDocuments;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the case file read model. {@link #find} reads the case and all its entries in one
 * REPEATABLE READ transaction, so a projection committing in between cannot produce a view
 * whose version and contents disagree. Every entry comes with its amendments.
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

    /** Who the case is assigned to now, and its version, as the read model knows them. */
    public Optional<Assignment> assignmentOf(UUID caseId) {
        return jdbc.sql("SELECT version, case_manager_id FROM case_file WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> new Assignment(rs.getLong("version"), rs.getString("case_manager_id")))
                .optional();
    }

    /** Whether a break-glass grant lets {@code userId} read the case at {@code now}. */
    public boolean hasEmergencyAccess(UUID caseId, String userId, Instant now) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM case_emergency_access
                                        WHERE case_id = :caseId AND user_id = :userId AND expires_at > :now)""")
                .param("caseId", caseId)
                .param("userId", userId)
                .param("now", SqlTime.utc(now))
                .query(Boolean.class)
                .single();
    }

    /** The case's version in the read model and its current case manager. */
    public record Assignment(long version, String caseManagerId) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<CaseFileView> find(UUID caseId) {
        Optional<CaseRow> row = jdbc.sql("SELECT * FROM case_file WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> caseRow(rs))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<AmendmentView>> amendments = amendmentsOf(caseId);
        Entries entries = new Entries(entriesOf(caseId), amendments);
        List<TreatmentPlanView> plans = plansOf(caseId);
        CaseRow c = row.get();
        return Optional.of(new CaseFileView(c.caseId(), c.version(), c.status(), c.client(), c.caseManagerId(),
                c.openedOn(), c.referralSource(), c.presentingConcerns(), c.closedOn(), c.closureReason(),
                c.closureSummary(), c.reopenReason(), c.recordedAt(), c.updatedAt(), c.riskLevel(),
                withAmendments(meetingsOf(caseId), MeetingView::meetingId, amendments),
                withAmendments(referralsOf(caseId), ReferralView::referralId, amendments),
                entries.of(EntryType.ASSESSMENT, AssessmentView.class),
                entries.of(EntryType.DIAGNOSIS, DiagnosisView.class),
                plans.isEmpty() ? null : plans.get(plans.size() - 1),
                plans,
                entries.of(EntryType.GOAL_PROGRESS, GoalProgressView.class),
                entries.of(EntryType.PROVIDER_REPORT, ProviderReportView.class),
                entries.of(EntryType.FOLLOW_UP, FollowUpView.class),
                entries.of(EntryType.EDUCATION, EducationView.class),
                entries.of(EntryType.FAMILY_MEMBER, FamilyMemberView.class),
                entries.of(EntryType.CONSENT, ConsentView.class),
                c.disposedAt()));
    }

    private record CaseRow(UUID caseId, long version, CaseStatus status, Client client, String caseManagerId,
                           LocalDate openedOn, String referralSource, String presentingConcerns, LocalDate closedOn,
                           ClosureReason closureReason, String closureSummary, String reopenReason,
                           Instant recordedAt, Instant updatedAt, RiskLevel riskLevel, Instant disposedAt) {
    }

    private static CaseRow caseRow(ResultSet rs) throws SQLException {
        String closureReason = rs.getString("closure_reason");
        String riskLevel = rs.getString("risk_level");
        return new CaseRow(
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
                riskLevel == null ? null : RiskLevel.valueOf(riskLevel),
                SqlTime.instant(rs, "disposed_at"));
    }

    /** Clinical entries by kind, in the order they were recorded, each with its amendments. */
    private record Entries(Map<EntryType, List<String>> documents, Map<UUID, List<AmendmentView>> amendments) {

        <T extends Amendable<T>> List<T> of(EntryType kind, Class<T> type) {
            return documents.getOrDefault(kind, List.of()).stream()
                    .map(document -> JsonDocuments.read(document, type))
                    .map(entry -> entry.withAmendments(amendments.getOrDefault(idOf(entry), List.of())))
                    .toList();
        }

        private static UUID idOf(Object entry) {
            if (entry instanceof AssessmentView e) {
                return e.assessmentId();
            } else if (entry instanceof DiagnosisView e) {
                return e.diagnosisId();
            } else if (entry instanceof GoalProgressView e) {
                return e.progressId();
            } else if (entry instanceof ProviderReportView e) {
                return e.reportId();
            } else if (entry instanceof FollowUpView e) {
                return e.followUpId();
            } else if (entry instanceof EducationView e) {
                return e.educationId();
            } else if (entry instanceof FamilyMemberView e) {
                return e.memberId();
            } else if (entry instanceof ConsentView e) {
                return e.consentId();
            }
            throw new IllegalArgumentException("not a clinical entry: " + entry.getClass().getSimpleName());
        }
    }

    private Map<EntryType, List<String>> entriesOf(UUID caseId) {
        Map<EntryType, List<String>> byKind = new HashMap<>();
        jdbc.sql("SELECT kind, document::text FROM case_file_entry WHERE case_id = :caseId ORDER BY sequence")
                .param("caseId", caseId)
                .query(rs -> {
                    byKind.computeIfAbsent(EntryType.valueOf(rs.getString(1)), kind -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return byKind;
    }

    private Map<UUID, List<AmendmentView>> amendmentsOf(UUID caseId) {
        Map<UUID, List<AmendmentView>> byEntry = new HashMap<>();
        jdbc.sql("SELECT * FROM case_file_amendment WHERE case_id = :caseId ORDER BY sequence")
                .param("caseId", caseId)
                .query(rs -> {
                    byEntry.computeIfAbsent(rs.getObject("entry_id", UUID.class), id -> new ArrayList<>())
                            .add(new AmendmentView(rs.getObject("amendment_id", UUID.class), rs.getString("text"),
                                    rs.getString("reason"), SqlTime.instant(rs, "recorded_at"),
                                    rs.getString("recorded_by")));
                });
        return byEntry;
    }

    private List<TreatmentPlanView> plansOf(UUID caseId) {
        return jdbc.sql("""
                        SELECT document::text FROM case_file_treatment_plan
                         WHERE case_id = :caseId ORDER BY plan_version
                        """)
                .param("caseId", caseId)
                .query((rs, n) -> JsonDocuments.read(rs.getString(1), TreatmentPlanView.class))
                .list();
    }

    private static <T extends Amendable<T>> List<T> withAmendments(List<T> entries,
                                                                   Function<T, UUID> id,
                                                                   Map<UUID, List<AmendmentView>> amendments) {
        return entries.stream()
                .map(entry -> entry.withAmendments(amendments.getOrDefault(id.apply(entry), List.of())))
                .toList();
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
                            rs.getString("recorded_by"),
                            List.of());
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
                        new Provider(rs.getString("provider_name"), rs.getString("provider_type"),
                                rs.getObject("provider_resource_id", UUID.class), rs.getString("provider_contact")),
                        rs.getString("reason"),
                        Urgency.valueOf(rs.getString("urgency")),
                        ReferralStatus.valueOf(rs.getString("status")),
                        rs.getString("outcome_reason"),
                        rs.getString("decline_reason") == null ? null
                                : ReferralDeclineReason.valueOf(rs.getString("decline_reason")),
                        SqlTime.instant(rs, "added_at"),
                        SqlTime.instant(rs, "updated_at"),
                        List.of()))
                .list();
    }
}
