package org.caserecord.domain.model;

/** The kinds of entries in a case record that an amendment can correct. */
public enum EntryType {
    MEETING,
    REFERRAL,
    ASSESSMENT,
    DIAGNOSIS,
    GOAL_PROGRESS,
    PROVIDER_REPORT,
    FOLLOW_UP,
    EDUCATION,
    FAMILY_MEMBER,
    CONSENT
}
