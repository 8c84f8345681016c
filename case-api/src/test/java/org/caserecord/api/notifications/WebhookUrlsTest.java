package org.caserecord.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org/case-events", "https://hooks.example.org:8443/a?b=c",
            "HTTPS://HOOKS.EXAMPLE.ORG/", "http://localhost:9000/hooks", "http://127.0.0.1/hooks",
            "http://127.10.0.1:8080/", "http://[::1]:8080/hooks", "http://LOCALHOST./hooks"})
    void acceptable(String url) {
        assertThat(WebhookUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hooks.example.org/x", "/relative", "ftp://hooks.example.org/x",
            "file:///etc/passwd", "mailto:someone@example.org", "https://user:pw@hooks.example.org/",
            "https://user@hooks.example.org/", "https://hooks.example.org/#fragment", "https:///no-host",
            "https://hooks.example.org:99999/", "https://hooks example.org/", "http://hooks.example.org/",
            "http://10.0.0.7/hooks", "http://localhost.example.org/", "http://128.0.0.1/",
            "http://127.0.0.256/"})
    void refused(String url) {
        assertThat(WebhookUrls.problem(url, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/", "http://10.0.0.7/hooks"})
    void plainHttpElsewhereOnlyWhenAllowed(String url) {
        assertThat(WebhookUrls.problem(url, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org/", "http://localhost/"})
    void atMost2048Characters(String prefix) {
        assertThat(WebhookUrls.problem(prefix + "a".repeat(2048 - prefix.length()), false)).isEmpty();
        assertThat(WebhookUrls.problem(prefix + "a".repeat(2049 - prefix.length()), false)).isPresent();
    }
}
