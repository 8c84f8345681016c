package org.caserecord.domain.directory;

import java.util.UUID;

/** The resource takes no more referrals (closed, merged, no longer trusted); its history stays. */
public record ResourceRetired(UUID resourceId, String reason) implements DirectoryEvent {
}
