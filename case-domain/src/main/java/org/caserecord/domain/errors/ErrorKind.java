package org.caserecord.domain.errors;

/** How a rejected command is reported to its sender; the API maps each kind to one HTTP status. */
public enum ErrorKind {
    /** The command itself is malformed (HTTP 400). */
    INVALID_INPUT,
    /** The command names something that does not exist in the case (HTTP 404). */
    NOT_FOUND,
    /** The command is well formed but the case's current state forbids it (HTTP 409). */
    RULE_VIOLATION,
    /** The sender's expected version of the case is not the current one (HTTP 412). */
    STALE_VERSION
}
