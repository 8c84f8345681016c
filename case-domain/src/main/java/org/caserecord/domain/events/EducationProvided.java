package org.caserecord.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.Phi;

public record EducationProvided(
        UUID caseId,
        UUID educationId,
        Instant occurredAt,
        EducationRecipient recipient,
        @Phi String recipientName,
        @Phi String topic,
        EducationFormat format,
        @Phi List<String> materials) implements CaseEvent, BusinessTimed {

    public EducationProvided {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
