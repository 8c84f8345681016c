package org.caserecord.domain.model;

/** Who a case manager met with. */
public enum MeetingType {
    CLIENT,
    FAMILY,
    PROVIDER,
    CARE_TEAM,
    FACILITY_DIRECTOR,
    COMMUNITY_REPRESENTATIVE
}
