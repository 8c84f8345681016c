package org.caserecord.domain.directory;

import java.util.UUID;

/** An event of the resource directory. Its stream is one resource's, identified by its id. */
public sealed interface DirectoryEvent permits ResourceRegistered, ResourceUpdated, ResourceRetired {

    UUID resourceId();
}
