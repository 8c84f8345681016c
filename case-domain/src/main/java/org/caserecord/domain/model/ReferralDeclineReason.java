package org.caserecord.domain.model;

/**
 * Why a referral was declined, as a category that can be counted per resource (the reason in
 * the case manager's words is personal data and is never counted).
 */
public enum ReferralDeclineReason {
    NO_CAPACITY,
    NOT_ELIGIBLE,
    PAYER_NOT_ACCEPTED,
    SERVICE_NOT_OFFERED,
    CLIENT_DECLINED,
    UNABLE_TO_CONTACT,
    OTHER
}
