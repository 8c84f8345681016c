package org.caserecord.domain.directory;

import java.util.UUID;

public record RegisterResource(UUID resourceId, ResourceDetails details) {
}
