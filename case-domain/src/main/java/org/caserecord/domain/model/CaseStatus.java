package org.caserecord.domain.model;

public enum CaseStatus {
    OPEN,
    CLOSED
}
