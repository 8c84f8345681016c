package org.caserecord.domain.errors;

/**
 * Every reason the CaseFile aggregate can refuse a command. The codes are part of the API
 * contract (they appear in problem responses), so they are never renamed. Descriptions are
 * fixed text: they must never carry client data.
 */
public enum CaseErrorCode {
    REQUIRED_FIELD_MISSING(ErrorKind.INVALID_INPUT, "A required field is missing or blank."),
    DATE_IN_FUTURE(ErrorKind.INVALID_INPUT, "The date or time lies in the future."),
    DATE_OF_BIRTH_AFTER_OPENING(ErrorKind.INVALID_INPUT, "The date of birth lies after the date the case was opened."),
    CLOSED_BEFORE_OPENED(ErrorKind.INVALID_INPUT, "A case cannot be closed before the date it was opened."),
    DURATION_OUT_OF_RANGE(ErrorKind.INVALID_INPUT, "A meeting lasts between 1 and 1440 minutes."),
    REASON_REQUIRED(ErrorKind.INVALID_INPUT, "This outcome requires a reason."),

    REFERRAL_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no referral with this id."),

    CASE_CLOSED(ErrorKind.RULE_VIOLATION, "The case is closed; only reopening is allowed."),
    CASE_NOT_CLOSED(ErrorKind.RULE_VIOLATION, "Only a closed case can be reopened."),
    OPEN_REFERRALS_BLOCK_CLOSURE(ErrorKind.RULE_VIOLATION,
            "The case has referrals without a final outcome; record their outcomes before closing."),
    REFERRAL_TRANSITION_NOT_ALLOWED(ErrorKind.RULE_VIOLATION,
            "This outcome is not allowed for the referral in its current status."),
    DUPLICATE_MEETING(ErrorKind.RULE_VIOLATION, "A meeting with this id is already recorded on the case."),
    DUPLICATE_REFERRAL(ErrorKind.RULE_VIOLATION, "A referral with this id already exists on the case."),

    VERSION_MISMATCH(ErrorKind.STALE_VERSION, "The case has changed since the version you expected.");

    private final ErrorKind kind;
    private final String description;

    CaseErrorCode(ErrorKind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
