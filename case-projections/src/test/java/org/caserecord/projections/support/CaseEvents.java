package org.caserecord.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralCancelled;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Urgency;

/** Ready-made events for the read-model tests; every value is fixed so assertions can name it. */
public final class CaseEvents {

    public static final String CASE_MANAGER = "ada";
    public static final String OTHER_CASE_MANAGER = "grace";
    public static final Client CLIENT = new Client("Jordan Rivera", LocalDate.of(1990, 4, 2));
    public static final LocalDate OPENED_ON = LocalDate.of(2026, 3, 1);
    public static final Provider HOUSING = new Provider("Eastside Housing Cooperative", "HOUSING");
    public static final String REFERRAL_REASON = "needs stable housing";

    private CaseEvents() {
    }

    public static CaseOpened caseOpened(UUID caseId) {
        return caseOpened(caseId, CASE_MANAGER, OPENED_ON);
    }

    public static CaseOpened caseOpened(UUID caseId, String caseManagerId, LocalDate openedOn) {
        return new CaseOpened(caseId, CLIENT, caseManagerId, openedOn, "county hospital", "low mood");
    }

    public static MeetingRecorded meetingRecorded(UUID caseId, UUID meetingId, Instant occurredAt,
            Attendee... attendees) {
        return new MeetingRecorded(caseId, meetingId, MeetingType.FAMILY, occurredAt, 45, List.of(attendees),
                "discussed housing");
    }

    public static ReferralAdded referralAdded(UUID caseId, UUID referralId) {
        return new ReferralAdded(caseId, referralId, HOUSING, REFERRAL_REASON, Urgency.URGENT);
    }

    public static ReferralAccepted referralAccepted(UUID caseId, UUID referralId) {
        return new ReferralAccepted(caseId, referralId, null);
    }

    public static ReferralDeclined referralDeclined(UUID caseId, UUID referralId, String reason) {
        return new ReferralDeclined(caseId, referralId, reason, null);
    }

    public static ReferralCompleted referralCompleted(UUID caseId, UUID referralId) {
        return new ReferralCompleted(caseId, referralId, "moved in");
    }

    public static ReferralCancelled referralCancelled(UUID caseId, UUID referralId, String reason) {
        return new ReferralCancelled(caseId, referralId, reason);
    }

    public static CaseClosed caseClosed(UUID caseId) {
        return new CaseClosed(caseId, ClosureReason.RELEASED_FROM_TREATMENT, "goals met", LocalDate.of(2026, 3, 20));
    }

    public static CaseReopened caseReopened(UUID caseId, String reason) {
        return new CaseReopened(caseId, reason);
    }
}
