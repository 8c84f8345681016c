package org.caserecord.domain.model;

/** The client's assessed risk, lowest first. */
public enum RiskLevel {
    LOW,
    MODERATE,
    HIGH,
    IMMINENT
}
