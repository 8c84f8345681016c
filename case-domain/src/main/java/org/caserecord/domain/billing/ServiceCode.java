package org.caserecord.domain.billing;

import java.util.regex.Pattern;

/**
 * An HCPCS Level II code: one upper-case letter A to V followed by four ASCII digits, e.g.
 * T1016 (case management, per 15 minutes), T1017 (targeted case management, per 15 minutes),
 * H0006 (alcohol and/or drug services; case management). Only the form is checked, not that the
 * code is in the current code set; five-digit CPT (Level I) codes such as 90837 are not accepted.
 * Lower case is rejected rather than upper-cased, so a code is stored as the payer will read it.
 */
public record ServiceCode(String code) {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-V][0-9]{4}");

    public ServiceCode {
        if (code == null || !WELL_FORMED.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "an HCPCS Level II code must be one letter A-V followed by four digits");
        }
    }

    public static ServiceCode of(String code) {
        return new ServiceCode(code);
    }

    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }
}
