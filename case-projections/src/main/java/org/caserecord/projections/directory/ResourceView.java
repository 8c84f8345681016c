package org.caserecord.projections.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.directory.ResourceType;

/** A resource as the directory shows it; {@code version} is its aggregate's (for If-Match). */
public record ResourceView(
        UUID resourceId,
        long version,
        String name,
        ResourceType type,
        String contact,
        String address,
        List<String> languages,
        List<String> acceptedPayers,
        String notes,
        String status,
        String retirementReason,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        String updatedBy,
        Instant retiredAt) {
}
