package org.caserecord.projections.directory;

import java.util.List;

/** Resources in name order; {@code nextCursor} fetches the next page, null on the last one. */
public record ResourcePage(List<ResourceView> resources, String nextCursor) {
}
