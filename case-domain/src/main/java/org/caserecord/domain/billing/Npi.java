package org.caserecord.domain.billing;

/**
 * A National Provider Identifier: ten ASCII digits, the last a Luhn check digit computed over
 * the constant prefix {@code 80840} followed by the first nine digits (the CMS NPI check-digit
 * rule; the prefix is the ISO health-industry card issuer identifier). Example: 1234567893.
 *
 * <p>An NPI identifies a provider, not a client, so it is not PHI and {@link #toString()} shows it.
 * Rejections name the broken rule but never echo the input, in case a caller passed the wrong field.
 */
public record Npi(String value) {

    private static final int LENGTH = 10;
    private static final String CARD_ISSUER_PREFIX = "80840";

    public Npi {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static Npi of(String value) {
        return new Npi(value);
    }

    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    private static String problemWith(String value) {
        if (value == null) {
            return "an NPI is required";
        }
        if (value.length() != LENGTH) {
            return "an NPI must be exactly 10 digits";
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "an NPI must contain only the digits 0-9";
        }
        if (!passesLuhn(CARD_ISSUER_PREFIX + value)) {
            return "the NPI check digit does not match";
        }
        return null;
    }

    /** The Luhn (mod 10) check over a digit string whose last digit is the check digit. */
    private static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
