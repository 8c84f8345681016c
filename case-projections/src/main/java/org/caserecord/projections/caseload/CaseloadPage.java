package org.caserecord.projections.caseload;

import java.util.List;

/** A page of a caseload; {@code nextCursor} is null on the last page. */
public record CaseloadPage(String caseManagerId, List<CaseloadEntry> cases, String nextCursor) {
}
