package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.UUID;

/** An addendum to an entry: the entry itself is shown as first written, with its amendments. */
public record AmendmentView(UUID amendmentId, String text, String reason, Instant recordedAt, String recordedBy) {
}
