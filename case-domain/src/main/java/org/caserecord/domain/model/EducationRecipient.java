package org.caserecord.domain.model;

public enum EducationRecipient {
    CLIENT,
    FAMILY_MEMBER
}
