package org.caserecord.domain.model;

/** Why part or all of a record left the clinic; the accounting of disclosures groups by it. */
public enum DisclosurePurpose {
    CONSERVATORSHIP,
    TRANSFER_OF_CARE,
    INSURANCE,
    LEGAL,
    OTHER
}
