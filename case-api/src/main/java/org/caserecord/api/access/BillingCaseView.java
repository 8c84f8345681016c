package org.caserecord.api.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.casefile.ConsentView;
import org.caserecord.projections.casefile.DiagnosisView;

/**
 * The case as billing staff receive it: what a claim needs (who, coverage-relevant dates, billable
 * meetings, diagnosis codes, consents to share with payers) and no clinical content — no notes,
 * attendees, assessments, reports, plan text, progress, family, education, reasons or amendments.
 * Built field by field from the case file, so a field added to the case file later is not sent
 * to billing unless it is added here.
 */
public record BillingCaseView(
        UUID caseId,
        long version,
        CaseStatus status,
        Client client,
        String caseManagerId,
        LocalDate openedOn,
        LocalDate closedOn,
        ClosureReason closureReason,
        List<Meeting> meetings,
        List<Diagnosis> diagnoses,
        List<Referral> referrals,
        List<Consent> consents) {

    public record Meeting(UUID meetingId, MeetingType type, Instant occurredAt, int durationMinutes,
                          String recordedBy) {
    }

    public record Diagnosis(UUID diagnosisId, String code, boolean primary, LocalDate diagnosedOn,
                            DiagnosisView.Status status, LocalDate resolvedOn) {
    }

    public record Referral(UUID referralId, Provider provider, ReferralStatus status) {
    }

    public record Consent(UUID consentId, ConsentScope scope, LocalDate grantedOn, LocalDate validUntil,
                          ConsentView.Status status) {
    }

    public static BillingCaseView of(CaseFileView c) {
        return new BillingCaseView(c.caseId(), c.version(), c.status(), c.client(), c.caseManagerId(), c.openedOn(),
                c.closedOn(), c.closureReason(),
                c.meetings().stream().map(m -> new Meeting(m.meetingId(), m.type(), m.occurredAt(),
                        m.durationMinutes(), m.recordedBy())).toList(),
                c.diagnoses().stream().map(d -> new Diagnosis(d.diagnosisId(), d.code(), d.primary(),
                        d.diagnosedOn(), d.status(), d.resolvedOn())).toList(),
                c.referrals().stream().map(r -> new Referral(r.referralId(), r.provider(), r.status())).toList(),
                c.consents().stream().map(k -> new Consent(k.consentId(), k.scope(), k.grantedOn(), k.validUntil(),
                        k.status())).toList());
    }
}
