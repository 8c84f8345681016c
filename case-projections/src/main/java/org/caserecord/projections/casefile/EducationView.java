package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;

public record EducationView(
        UUID educationId,
        Instant occurredAt,
        EducationRecipient recipient,
        String recipientName,
        String topic,
        EducationFormat format,
        List<String> materials,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<EducationView> {

    @Override
    public EducationView withAmendments(List<AmendmentView> amendments) {
        return new EducationView(educationId, occurredAt, recipient, recipientName, topic, format, materials,
                recordedAt, recordedBy, amendments);
    }
}
