package org.caserecord.domain.errors;

/**
 * Every reason an aggregate (a case, or a resource of the directory) can refuse a command. The
 * codes are part of the API contract (they appear in problem responses), so they are never
 * renamed. Descriptions are fixed text: they must never carry client data.
 */
public enum CaseErrorCode {
    REQUIRED_FIELD_MISSING(ErrorKind.INVALID_INPUT, "A required field is missing or blank."),
    DATE_IN_FUTURE(ErrorKind.INVALID_INPUT, "The date or time lies in the future."),
    DATE_OF_BIRTH_AFTER_OPENING(ErrorKind.INVALID_INPUT, "The date of birth lies after the date the case was opened."),
    CLOSED_BEFORE_OPENED(ErrorKind.INVALID_INPUT, "A case cannot be closed before the date it was opened."),
    DURATION_OUT_OF_RANGE(ErrorKind.INVALID_INPUT, "A meeting lasts between 1 and 1440 minutes."),
    REASON_REQUIRED(ErrorKind.INVALID_INPUT, "This outcome requires a reason."),
    RISK_LEVEL_REQUIRED(ErrorKind.INVALID_INPUT, "A risk assessment must state the risk level."),
    INVALID_DIAGNOSIS_CODE(ErrorKind.INVALID_INPUT,
            "A diagnosis code must be a well-formed ICD-10-CM code, e.g. F32.1 or F43.10."),
    RESOLVED_BEFORE_DIAGNOSED(ErrorKind.INVALID_INPUT, "A diagnosis cannot be resolved before it was made."),
    UNKNOWN_GOAL_IN_PLAN(ErrorKind.INVALID_INPUT,
            "A goal id in the plan is not a goal of the current plan; leave it out for a new goal."),
    DUPLICATE_GOAL_IN_PLAN(ErrorKind.INVALID_INPUT, "The plan names the same goal more than once."),
    PERIOD_ENDS_BEFORE_IT_STARTS(ErrorKind.INVALID_INPUT, "The period ends before it starts."),
    VALIDITY_ENDS_BEFORE_GRANT(ErrorKind.INVALID_INPUT,
            "A consent cannot expire or be revoked before it was granted."),
    OPTIONAL_FIELD_BLANK(ErrorKind.INVALID_INPUT, "An optional field, when given, must not be blank."),
    DISCLOSED_BEFORE_OPENED(ErrorKind.INVALID_INPUT, "A disclosure cannot be dated before the case was opened."),
    INCOMPLETE_EXPORT_REFERENCE(ErrorKind.INVALID_INPUT,
            "An export is named by both its id and its format, or by neither."),

    REFERRAL_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no referral with this id."),
    DIAGNOSIS_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no diagnosis with this id."),
    COVERAGE_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no coverage with this id."),
    REQUEST_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no reimbursement request with this id."),
    INVALID_SERVICE_CODE(ErrorKind.INVALID_INPUT, "The service code is not an HCPCS code of the clinic's catalog."),
    INVALID_PLACE_OF_SERVICE(ErrorKind.INVALID_INPUT, "The place of service is not a two-digit CMS code."),
    GOAL_NOT_FOUND(ErrorKind.NOT_FOUND, "The current treatment plan has no goal with this id."),
    FOLLOW_UP_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no follow-up with this id."),
    CONSENT_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no consent with this id."),
    ENTRY_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no entry with this id."),
    LEGAL_HOLD_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no legal hold with this id."),
    SCHEDULED_MEETING_NOT_FOUND(ErrorKind.NOT_FOUND, "The case has no scheduled meeting with this id."),

    CASE_CLOSED(ErrorKind.RULE_VIOLATION, "The case is closed; only reopening is allowed."),
    CASE_NOT_CLOSED(ErrorKind.RULE_VIOLATION, "Only a closed case can be reopened."),
    OPEN_REFERRALS_BLOCK_CLOSURE(ErrorKind.RULE_VIOLATION,
            "The case has referrals without a final outcome; record their outcomes before closing."),
    REFERRAL_TRANSITION_NOT_ALLOWED(ErrorKind.RULE_VIOLATION,
            "This outcome is not allowed for the referral in its current status."),
    DUPLICATE_MEETING(ErrorKind.RULE_VIOLATION, "A meeting with this id is already recorded on the case."),
    DUPLICATE_REFERRAL(ErrorKind.RULE_VIOLATION, "A referral with this id already exists on the case."),
    DUPLICATE_ENTRY(ErrorKind.RULE_VIOLATION, "An entry with this id already exists on the case."),
    PRIMARY_DIAGNOSIS_EXISTS(ErrorKind.RULE_VIOLATION,
            "The case already has an active primary diagnosis; resolve it first."),
    DIAGNOSIS_ALREADY_RESOLVED(ErrorKind.RULE_VIOLATION, "The diagnosis is already resolved."),
    FOLLOW_UP_ALREADY_COMPLETED(ErrorKind.RULE_VIOLATION, "The follow-up is already completed."),
    CONSENT_ALREADY_REVOKED(ErrorKind.RULE_VIOLATION, "The consent is already revoked."),
    ALREADY_ASSIGNED(ErrorKind.RULE_VIOLATION, "The case is already assigned to this case manager."),
    COVERAGE_OVERLAPS(ErrorKind.RULE_VIOLATION,
            "Another coverage of the same priority already covers part of this period."),
    COVERAGE_ALREADY_ENDED(ErrorKind.RULE_VIOLATION, "The coverage has already ended."),
    INVALID_PERIOD(ErrorKind.INVALID_INPUT, "The period ends before it starts, or a line lies outside it."),
    NOTHING_TO_BILL(ErrorKind.RULE_VIOLATION, "No unbilled billable meeting lies in the period."),
    COVERAGE_NOT_ACTIVE(ErrorKind.RULE_VIOLATION, "The coverage is not active on a service line's date."),
    NO_ACTIVE_DIAGNOSIS(ErrorKind.RULE_VIOLATION, "The case has no active diagnosis to bill against."),
    MEETING_NOT_BILLABLE(ErrorKind.RULE_VIOLATION, "A line names a meeting that was not recorded with billing."),
    MEETING_ALREADY_BILLED(ErrorKind.RULE_VIOLATION,
            "A meeting is already in a pending or paid reimbursement request."),
    REQUEST_ALREADY_DECIDED(ErrorKind.RULE_VIOLATION, "The reimbursement request has already been decided."),
    AMOUNT_PAID_INVALID(ErrorKind.INVALID_INPUT,
            "The amount paid must lie between zero and the request's total (zero when denied)."),
    COVERAGE_ENDS_BEFORE_IT_STARTS(ErrorKind.INVALID_INPUT, "A coverage cannot end before it starts."),
    EXPIRY_NOT_IN_FUTURE(ErrorKind.INVALID_INPUT, "The access must end in the future."),
    LEGAL_HOLD_ALREADY_RELEASED(ErrorKind.RULE_VIOLATION, "The legal hold has already been released."),
    DISPOSAL_OF_OPEN_CASE(ErrorKind.RULE_VIOLATION, "Only the record of a closed case can be disposed of."),
    RETENTION_PERIOD_NOT_OVER(ErrorKind.RULE_VIOLATION,
            "The case record's retention period has not ended; see the retention register for its date."),
    LEGAL_HOLD_BLOCKS_DISPOSAL(ErrorKind.RULE_VIOLATION,
            "A legal hold applies to the case; its record cannot be disposed of until every hold is released."),
    SCHEDULED_IN_THE_PAST(ErrorKind.INVALID_INPUT, "A meeting can only be scheduled for a time to come."),
    SCHEDULED_TOO_FAR_AHEAD(ErrorKind.INVALID_INPUT, "A meeting can be scheduled at most two years ahead."),
    SCHEDULED_MEETING_ENDED(ErrorKind.RULE_VIOLATION,
            "The scheduled meeting has already ended: it was held, cancelled or missed."),
    NO_SHOW_BEFORE_ITS_TIME(ErrorKind.RULE_VIOLATION,
            "A no-show can only be recorded once the meeting's time has come."),
    CASE_DISPOSED(ErrorKind.RULE_VIOLATION, "The case record has been disposed of; it takes no further changes."),
    DECLINE_REASON_ONLY_WHEN_DECLINED(ErrorKind.INVALID_INPUT,
            "A decline reason can only be given when the outcome is DECLINED."),
    RESOURCE_RETIRED(ErrorKind.RULE_VIOLATION,
            "The resource is retired from the directory; it takes no changes and no referrals."),
    RESOURCE_VERSION_MISMATCH(ErrorKind.STALE_VERSION, "The resource has changed since the version you expected."),

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
