package org.caserecord.domain.directory;

/** The kind of service a resource in the directory offers. */
public enum ResourceType {
    COUNSELING,
    PSYCHIATRY,
    HOUSING,
    SUBSTANCE_USE,
    CRISIS,
    PEER_SUPPORT,
    VOCATIONAL,
    LEGAL,
    MEDICAL,
    OTHER
}
