package org.caserecord.domain.errors;

/**
 * The details carried by a {@link CaseCommandRejected}: the error code and, for invalid
 * input, the name of the offending command field. Kept a plain record so it serializes
 * across a distributed command bus.
 */
public record CaseRejection(CaseErrorCode code, String field) {
}
