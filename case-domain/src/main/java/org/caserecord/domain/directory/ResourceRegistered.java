package org.caserecord.domain.directory;

import java.util.UUID;

public record ResourceRegistered(UUID resourceId, ResourceDetails details) implements DirectoryEvent {
}
