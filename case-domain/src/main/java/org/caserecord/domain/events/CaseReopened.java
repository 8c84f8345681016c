package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record CaseReopened(UUID caseId, @Phi String reason) implements CaseEvent {
}
