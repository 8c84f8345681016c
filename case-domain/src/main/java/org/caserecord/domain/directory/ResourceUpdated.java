package org.caserecord.domain.directory;

import java.util.UUID;

/** The resource's details as they are from now on (all of them, not a difference). */
public record ResourceUpdated(UUID resourceId, ResourceDetails details) implements DirectoryEvent {
}
