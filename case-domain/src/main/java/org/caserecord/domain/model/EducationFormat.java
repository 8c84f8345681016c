package org.caserecord.domain.model;

public enum EducationFormat {
    VERBAL,
    WRITTEN
}
