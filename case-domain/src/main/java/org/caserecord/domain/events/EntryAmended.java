package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.Phi;

/** An addendum to an entry of the record, which itself stays as it was written. */
public record EntryAmended(
        UUID caseId,
        UUID amendmentId,
        UUID entryId,
        EntryType entryType,
        @Phi String text,
        @Phi String reason) implements CaseEvent {
}
