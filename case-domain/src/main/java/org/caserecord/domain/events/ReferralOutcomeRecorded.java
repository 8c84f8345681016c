package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.ReferralStatus;

/** The outcome events of a referral share this shape, so read models can treat them alike. */
public sealed interface ReferralOutcomeRecorded extends CaseEvent
        permits ReferralAccepted, ReferralDeclined, ReferralCompleted, ReferralCancelled {

    UUID referralId();

    /** Why, in the case manager's words; required for declined and cancelled, optional otherwise. */
    String reason();

    ReferralStatus resultingStatus();
}
