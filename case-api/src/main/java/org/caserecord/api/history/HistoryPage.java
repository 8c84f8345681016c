package org.caserecord.api.history;

import java.util.List;
import java.util.UUID;

/** A page of a case's history; {@code nextSequence} is where the next page starts, null at the end. */
public record HistoryPage(UUID caseId, List<HistoryEntry> entries, Long nextSequence) {
}
