package org.caserecord.domain.model;

/** Why a case was closed; drives retention rules in later releases, so the list is closed. */
public enum ClosureReason {
    RELEASED_FROM_TREATMENT,
    TRANSFERRED_TO_LONG_TERM_CARE,
    TRANSFERRED_TO_OTHER_PROVIDER,
    CLIENT_WITHDREW,
    DECEASED,
    LOST_CONTACT,
    OTHER
}
