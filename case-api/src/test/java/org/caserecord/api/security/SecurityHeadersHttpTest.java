package org.caserecord.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import java.util.Locale;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

/**
 * Stateless sign-in and the browser protections every API response carries; the API
 * documentation stays usable. Local mode: no origin is allowed cross-origin access, and
 * bearer tokens are not accepted.
 */
@ApiTest
class SecurityHeadersHttpTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final HttpApi api;

    SecurityHeadersHttpTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void aSignedInRequestSetsNoSessionCookieAndCarriesTheProtections() {
        Response response = api.as("ada").post("/api/cases", openCase("ada"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Set-Cookie")).isNull();
        assertProtected(response);
    }

    @Test
    void aRefusedSignInSetsNoSessionCookieAndCarriesTheProtections() {
        Response response = api.as("ada").password("not-demo").get("/api/caseloads/ada");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Set-Cookie")).isNull();
        assertProtected(response);
    }

    @Test
    void readsAreNeverStored() {
        String caseUrl = api.as("ada").post("/api/cases", openCase("ada")).header("Location");

        Response read = api.as("ada").get(caseUrl);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Set-Cookie")).isNull();
        assertProtected(read);
    }

    @Test
    void theApiDocumentationPagesKeepWorkingWithoutTheApiPolicy() {
        Response page = api.anonymous().get("/swagger-ui/index.html");
        Response document = api.anonymous().get("/v3/api-docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isNull();
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Security-Policy")).isNull();
        assertThat(api.anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void aPreflightGetsNoCorsHeadersWhenNoOriginIsAllowed() {
        Response response = api.anonymous().header("Origin", "https://app.clinic.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .method("OPTIONS", "/api/cases");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertNoCorsHeaders(response);
    }

    @Test
    void aCrossOriginRequestGetsNoCorsHeadersWhenNoOriginIsAllowed() {
        Response response = api.as("ada").header("Origin", "https://app.clinic.example").get("/api/caseloads/ada");

        assertThat(response.status()).isEqualTo(200);
        assertNoCorsHeaders(response);
    }

    @Test
    void bearerTokensAreNotAcceptedInLocalMode() {
        Response response = api.anonymous().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .get("/api/caseloads/ada");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().headers().allValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"Case Record Service\", charset=\"UTF-8\"");
    }

    private static void assertProtected(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(API_POLICY);
    }

    private static void assertNoCorsHeaders(Response response) {
        assertThat(response.raw().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }
}
