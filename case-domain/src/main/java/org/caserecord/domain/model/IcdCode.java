package org.caserecord.domain.model;

import java.util.regex.Pattern;

/**
 * The shape of an ICD-10-CM code: a letter (not U, which is reserved), two characters of
 * which the first is a digit, then optionally a dot and one to four more characters, e.g.
 * F32.1, F43.10, Z63.0. Checks the form only, not that the code is in the current code set.
 */
public final class IcdCode {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    private IcdCode() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }
}
