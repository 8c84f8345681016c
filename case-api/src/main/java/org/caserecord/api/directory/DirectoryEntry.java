package org.caserecord.api.directory;

import java.util.UUID;

import org.caserecord.domain.directory.ResourceDetails;
import org.caserecord.domain.model.Provider;

/** A resource as its own events leave it, read from the event store (never behind). */
record DirectoryEntry(UUID resourceId, ResourceDetails details, boolean retired, long version) {

    Provider asProvider() {
        return details.asProvider(resourceId);
    }
}
