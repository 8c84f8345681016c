package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Urgency;

public record ReferralAdded(
        UUID caseId,
        UUID referralId,
        Provider provider,
        @Phi String reason,
        Urgency urgency) implements CaseEvent {
}
