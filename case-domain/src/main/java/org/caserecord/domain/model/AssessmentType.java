package org.caserecord.domain.model;

public enum AssessmentType {
    INTAKE,
    RISK,
    NEEDS,
    PROGRESS
}
