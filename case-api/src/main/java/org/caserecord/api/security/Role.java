package org.caserecord.api.security;

/** The roles of the service (see the README for what each may do). */
public enum Role {
    CASE_MANAGER,
    SUPERVISOR,
    AUDITOR,
    BILLING,
    RECORDS_OFFICER
}
