package org.caserecord.domain.billing;

import java.util.regex.Pattern;

/**
 * A CMS place-of-service code: exactly two ASCII digits from 01 to 99. Only the form is checked,
 * not that CMS has assigned the number. Common ones in case management:
 * <ul>
 *   <li>02 telehealth provided other than in the patient's home</li>
 *   <li>03 school</li>
 *   <li>04 homeless shelter</li>
 *   <li>10 telehealth provided in the patient's home</li>
 *   <li>11 office</li>
 *   <li>12 home</li>
 *   <li>14 group home</li>
 *   <li>21 inpatient hospital</li>
 *   <li>23 emergency room (hospital)</li>
 *   <li>51 inpatient psychiatric facility</li>
 *   <li>53 community mental health center</li>
 *   <li>99 other place of service</li>
 * </ul>
 */
public record PlaceOfService(String code) {

    private static final Pattern WELL_FORMED = Pattern.compile("0[1-9]|[1-9][0-9]");

    public PlaceOfService {
        if (code == null || !WELL_FORMED.matcher(code).matches()) {
            throw new IllegalArgumentException("a place of service must be two digits from 01 to 99");
        }
    }

    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }

    public static PlaceOfService of(String code) {
        return new PlaceOfService(code);
    }
}
