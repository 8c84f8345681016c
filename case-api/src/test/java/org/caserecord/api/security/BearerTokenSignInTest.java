package org.caserecord.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode with the clinic's identity provider: JWT bearer tokens signed with the
 * provider's key (here an RSA key made for the test, its public half in a PEM file) sign in, with
 * roles from the token. Tokens that are expired, unsigned, signed by another key or as HMAC with the
 * public key, or meant for another issuer or audience, are refused with 401 problem+json. HTTP Basic
 * with configured accounts keeps working beside them. Browser apps on the configured origin may call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BearerTokenSignInTest {

    private static final String ISSUER = "https://id.clinic.example/realms/clinic";
    private static final String AUDIENCE = "case-record-service";
    private static final String CLINIC_APP = "https://app.clinic.example";
    private static final String CAROLS_PASSWORD = "correct horse battery staple";
    private static final KeyPair PROVIDER_KEY = rsaKeyPair();
    private static final KeyPair ANOTHER_KEY = rsaKeyPair();
    private static final String PROVIDER_PUBLIC_KEY_PEM = pem(PROVIDER_KEY);
    private static final EmbeddedPostgres EXTERNAL_DATABASE = startExternalDatabase();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void productionWithIdentityProvider(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createTempFile(Files.createDirectories(Path.of("target", "test-keys")), "provider-",
                ".pem");
        Files.writeString(publicKey, PROVIDER_PUBLIC_KEY_PEM);
        // Production mode needs a master key; here from a file, as a Docker or Kubernetes secret provides it.
        Path masterKey = Files.createTempFile(publicKey.getParent(), "master-", ".key");
        Files.writeString(masterKey, Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)) + "\n");
        registry.add("spring.datasource.url", () -> EXTERNAL_DATABASE.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("caserecord.encryption.master-key-file", masterKey::toString);
        registry.add("caserecord.security.jwt.issuer", () -> ISSUER);
        registry.add("caserecord.security.jwt.audience", () -> AUDIENCE);
        registry.add("caserecord.security.jwt.public-key-location", publicKey::toString);
        registry.add("caserecord.security.cors.allowed-origins[0]", () -> CLINIC_APP);
        registry.add("caserecord.security.accounts[0].id", () -> "carol");
        registry.add("caserecord.security.accounts[0].roles[0]", () -> "SUPERVISOR");
        registry.add("caserecord.security.accounts[0].password-hash",
                () -> new BCryptPasswordEncoder(4).encode(CAROLS_PASSWORD));
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        EXTERNAL_DATABASE.close();
    }

    @Test
    void aCaseManagersTokenOpensAndReadsACaseAsThatUser() {
        String token = token(claims -> claims.subject("dora").claim("roles", List.of("CASE_MANAGER")));

        Response created = bearer(token).post("/api/cases", openCase("dora"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response read = bearer(token).get(created.header("Location"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);

        Response history = bearer(token).get(created.header("Location") + "/history");
        assertThat(history.text("/entries/0/actor")).isEqualTo("dora");
        assertThat(history.text("/entries/0/actorRoles/0")).isEqualTo("CASE_MANAGER");
    }

    @Test
    void anAuditorsTokenReadsTheAccessLog() {
        String token = token(claims -> claims.subject("ines").claim("roles", List.of("AUDITOR")));

        Response accessLog = bearer(token).get("/api/audit/access?limit=1");

        assertThat(accessLog.status()).as(accessLog.toString()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutRolesSignsInButMayNotReadTheAccessLog() {
        String token = token(claims -> claims.subject("nora").claim("roles", null));

        Response accessLog = bearer(token).get("/api/audit/access");

        assertThat(accessLog.status()).as(accessLog.toString()).isEqualTo(403);
        assertThat(accessLog.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownRoleNamesAreIgnored() {
        String token = token(claims -> claims.subject("olga").claim("roles", List.of("ADMIN", "auditor")));

        assertThat(bearer(token).get("/api/audit/access").status()).isEqualTo(403);
    }

    @Test
    void anExpiredTokenIs401WithABearerChallenge() {
        String token = token(claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

        Response response = bearer(token).get("/api/audit/access");

        assertRefused(response);
        assertThat(response.raw().headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"Case Record Service\", error=\"invalid_token\"");
    }

    @Test
    void aTokenWithoutAnExpiryIs401() {
        assertRefused(bearer(token(claims -> claims.expirationTime(null))).get("/api/audit/access"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertRefused(bearer(token(ANOTHER_KEY, claims -> { })).get("/api/audit/access"));
    }

    @Test
    void anUnsignedTokenIs401() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(auditorClaims().build().toString().getBytes(StandardCharsets.UTF_8));

        assertRefused(bearer(header + "." + payload + ".").get("/api/audit/access"));
    }

    @Test
    void aTokenSignedWithHmacUsingThePublicKeyIs401() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                auditorClaims().build());
        jwt.sign(new MACSigner(PROVIDER_PUBLIC_KEY_PEM.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(bearer(jwt.serialize()).get("/api/audit/access"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertRefused(bearer(token(claims -> claims.audience("billing-service"))).get("/api/audit/access"));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertRefused(bearer(token(claims -> claims.issuer("https://id.elsewhere.example"))).get("/api/audit/access"));
    }

    @Test
    void aTokenWithoutAUserIs401() {
        assertRefused(bearer(token(claims -> claims.subject(null))).get("/api/audit/access"));
    }

    @Test
    void noCredentialsIs401OfferingBothWaysToSignIn() {
        Response response = api().anonymous().get("/api/audit/access");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().headers().allValues("WWW-Authenticate")).containsExactlyInAnyOrder(
                "Basic realm=\"Case Record Service\", charset=\"UTF-8\"", "Bearer realm=\"Case Record Service\"");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void configuredAccountsStillSignInWithHttpBasicAndDemoAccountsDoNot() {
        assertThat(api().as("carol").password(CAROLS_PASSWORD).post("/api/cases", openCase("ada")).status())
                .isEqualTo(201);
        assertThat(api().as("ada").post("/api/cases", openCase("ada")).status()).isEqualTo(401);
    }

    @Test
    void signedInResponsesSetNoSessionCookie() {
        Response response = bearer(token(claims -> { })).get("/api/audit/access");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void aPreflightFromTheClinicAppIsAllowed() {
        Response response = preflight(CLINIC_APP, "PUT", "Authorization, Content-Type, If-Match, Idempotency-Key");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(CLINIC_APP);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT");
        assertThat(response.header("Access-Control-Allow-Headers"))
                .containsIgnoringCase("Authorization").containsIgnoringCase("If-Match")
                .containsIgnoringCase("Idempotency-Key").containsIgnoringCase("Content-Type");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void theClinicAppMayReadTheHeadersItNeeds() {
        String token = token(claims -> claims.subject("dora").claim("roles", List.of("CASE_MANAGER")));

        Response created = bearer(token).header("Origin", CLINIC_APP).post("/api/cases", openCase("dora"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(CLINIC_APP);
        assertThat(created.header("Access-Control-Expose-Headers"))
                .contains("ETag", "Location", "X-Request-Id", "Retry-After");
    }

    @Test
    void aPreflightFromAnotherOriginIs403WithoutCorsHeaders() {
        Response response = preflight("https://evil.example", "POST", "Authorization");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void aPreflightForAMethodTheApiDoesNotOfferIs403() {
        Response response = preflight(CLINIC_APP, "DELETE", "Authorization");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/type")).isEqualTo("urn:caserecord:problem:unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    private HttpApi api() {
        return new HttpApi(port);
    }

    private HttpApi.Request bearer(String token) {
        return api().anonymous().header("Authorization", "Bearer " + token);
    }

    private Response preflight(String origin, String method, String headers) {
        return api().anonymous().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).method("OPTIONS", "/api/cases");
    }

    /** A token from the provider for an auditor, changed as the test needs. */
    private static String token(Consumer<JWTClaimsSet.Builder> changes) {
        return token(PROVIDER_KEY, changes);
    }

    private static String token(KeyPair key, Consumer<JWTClaimsSet.Builder> changes) {
        JWTClaimsSet.Builder claims = auditorClaims();
        changes.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("clinic-signing-key").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder auditorClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject("ines")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("roles", List.of("AUDITOR"));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static EmbeddedPostgres startExternalDatabase() {
        try {
            Path directory = Files.createDirectories(Path.of("target", "test-postgres"));
            return EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory(directory, "external-"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
