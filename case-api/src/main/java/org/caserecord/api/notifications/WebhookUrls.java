package org.caserecord.api.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a subscription's URL must be: absolute http(s), no user information (receivers check the
 * signature instead), no fragment, at most {@value #MAX_LENGTH} characters, and https unless it
 * points at this machine (a loopback host) or plain http is allowed by configuration. The host is
 * judged as written, never resolved: a name may resolve differently later.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2048;
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private WebhookUrls() {
    }

    /** Why the URL is refused, in words that do not repeat it; empty when it is acceptable. */
    static Optional<String> problem(String url, boolean allowPlainHttp) {
        if (url == null || url.isBlank()) {
            return Optional.of("Must be an absolute https URL.");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("Must be at most " + MAX_LENGTH + " characters long.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Must be an absolute https URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("Must be an absolute https URL (or http to a loopback host).");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Must not contain a user name or password; receivers check the signature instead.");
        }
        if (uri.getHost() == null || uri.getPort() > 65535 || uri.getPort() == 0) {
            return Optional.of("Must name a valid host and port.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("Must not contain a fragment (#…).");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            return Optional.of("Must use https unless the host is loopback (localhost, 127.0.0.1, [::1]).");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals("localhost") || LOOPBACK_IPV4.matcher(name).matches()
                || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
    }
}
