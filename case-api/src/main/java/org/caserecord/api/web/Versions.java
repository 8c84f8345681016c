package org.caserecord.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case versions on the wire: the ETag of a case is its version in quotes, and writes may
 * send it back in If-Match to change the case only if nobody changed it since.
 */
public final class Versions {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write expects, or null when it expects none (no header, or {@code *}).
     * A weak or malformed tag can never match a case version, so it is refused as a bad request.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ApiException.badRequest("invalid-if-match", "Invalid If-Match header",
                    "If-Match must be a case version in quotes, as sent in the ETag header (for example \"3\").");
        }
        return Long.parseLong(matcher.group(1));
    }
}
