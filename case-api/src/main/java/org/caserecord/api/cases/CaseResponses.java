package org.caserecord.api.cases;

import java.util.UUID;

import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.ReferralStatus;

/** Answers to writes: the ids the server assigned and the case version after the change. */
final class CaseResponses {

    private CaseResponses() {
    }

    record CaseCreated(UUID caseId, long version) {
    }

    record MeetingCreated(UUID meetingId, long version) {
    }

    record ReferralCreated(UUID referralId, long version) {
    }

    record ReferralOutcomeRecorded(UUID referralId, ReferralStatus status, long version) {
    }

    record CaseStatusChanged(UUID caseId, CaseStatus status, long version) {
    }
}
