package org.caserecord.domain.model;

public enum Urgency {
    ROUTINE,
    URGENT
}
