package org.caserecord.domain.casefile;

import java.time.Clock;
import java.time.LocalDate;

import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;

/** Input checks shared by the CaseFile's command handlers; each names the field it rejects. */
final class CaseRules {

    private CaseRules() {
    }

    static void required(Object value, String field) {
        if (value == null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUIRED_FIELD_MISSING, field);
        }
    }

    static void requiredText(String value, String field) {
        requiredText(value, field, CaseErrorCode.REQUIRED_FIELD_MISSING);
    }

    static void requiredText(String value, String field, CaseErrorCode code) {
        if (value == null || value.isBlank()) {
            throw new CaseCommandRejected(code, field);
        }
    }

    /** An optional text may be left out, but not given as blank. */
    static void optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new CaseCommandRejected(CaseErrorCode.OPTIONAL_FIELD_BLANK, field);
        }
    }

    /** Two values that only mean something together; the one left out is named. */
    static void bothOrNeither(Object first, String firstField, Object second, String secondField,
            CaseErrorCode code) {
        if (first == null && second != null) {
            throw new CaseCommandRejected(code, firstField);
        }
        if (first != null && second == null) {
            throw new CaseCommandRejected(code, secondField);
        }
    }

    /** Dates are the clinic's calendar dates: "today" is taken in the clock's zone. */
    static void notAfterToday(LocalDate date, Clock clock, String field) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new CaseCommandRejected(CaseErrorCode.DATE_IN_FUTURE, field);
        }
    }
}
