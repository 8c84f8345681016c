package org.caserecord.domain.model;

/** How the client relates to the subscriber of a health plan (X12 837 SBR02 in spirit). */
public enum SubscriberRelationship {
    SELF,
    SPOUSE,
    CHILD,
    OTHER
}
