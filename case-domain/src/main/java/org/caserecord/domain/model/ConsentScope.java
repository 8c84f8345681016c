package org.caserecord.domain.model;

/** What the client allowed to be shared, and with whom. */
public enum ConsentScope {
    SHARE_WITH_FAMILY,
    SHARE_WITH_PROVIDER,
    SHARE_WITH_PAYER,
    SHARE_WITH_CONSERVATOR
}
