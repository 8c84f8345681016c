package org.caserecord.domain.model;

/** Which plan pays first when a client has more than one. */
public enum CoveragePriority {
    PRIMARY,
    SECONDARY
}
