package org.caserecord.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The bearer token rules without a running service: both key sources (a JWK set served over
 * HTTP here, and a PEM file), both algorithms, the roles claim, and settings that must stop the
 * service from starting.
 */
class BearerTokensTest {

    private static final String ISSUER = "https://id.clinic.example";
    private static final String AUDIENCE = "case-record-service";
    private static final KeyPair RSA = keyPair("RSA", null);
    private static final KeyPair EC = keyPair("EC", "secp256r1");
    private static final Clock CLOCK = Clock.systemUTC();
    private static HttpServer jwkSetServer;

    @TempDir
    Path keys;

    @BeforeAll
    static void publishTheProvidersKeys() throws IOException {
        JWKSet keySet = new JWKSet(List.of(
                new RSAKey.Builder((RSAPublicKey) RSA.getPublic()).keyID("rsa-1").build(),
                new ECKey.Builder(Curve.P_256, (ECPublicKey) EC.getPublic()).keyID("ec-1").build()));
        byte[] body = keySet.toString().getBytes(StandardCharsets.UTF_8);
        jwkSetServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwkSetServer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwkSetServer.start();
    }

    @AfterAll
    static void stopJwkSetServer() {
        jwkSetServer.stop(0);
    }

    @Test
    void aJwkSetVerifiesRs256AndEs256Tokens() {
        JwtDecoder decoder = BearerTokens.decoder(fromJwkSet(), CLOCK);

        assertThat(decoder.decode(token(JWSAlgorithm.RS256, "rsa-1", claims())).getSubject()).isEqualTo("dora");
        assertThat(decoder.decode(token(JWSAlgorithm.ES256, "ec-1", claims())).getSubject()).isEqualTo("dora");
    }

    @Test
    void aJwkSetRefusesHmacTokens() throws JOSEException {
        JwtDecoder decoder = BearerTokens.decoder(fromJwkSet(), CLOCK);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims().build());
        hmac.sign(new MACSigner(RSA.getPublic().getEncoded()));

        assertThatThrownBy(() -> decoder.decode(hmac.serialize())).isInstanceOf(BadJwtException.class);
    }

    @Test
    void anEcPublicKeyFileVerifiesEs256TokensOnly() throws IOException {
        JwtDecoder decoder = BearerTokens.decoder(fromPublicKey(pemFile(EC.getPublic().getEncoded())), CLOCK);

        assertThat(decoder.decode(token(JWSAlgorithm.ES256, "any-key-id", claims())).getSubject()).isEqualTo("dora");
        assertThatThrownBy(() -> decoder.decode(token(JWSAlgorithm.RS256, "rsa-1", claims())))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void rfc9068AccessTokensAreAcceptedButOtherTokenTypesAreNot() throws IOException {
        JwtDecoder decoder = BearerTokens.decoder(fromPublicKey(pemFile(RSA.getPublic().getEncoded())), CLOCK);

        assertThat(decoder.decode(typedToken(JWSAlgorithm.RS256, new JOSEObjectType("at+jwt"), claims()))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(typedToken(JWSAlgorithm.RS256, new JOSEObjectType("logout+jwt"),
                claims()))).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aUserIdOver255CharactersIsRefused() throws IOException {
        JwtDecoder decoder = BearerTokens.decoder(fromPublicKey(pemFile(RSA.getPublic().getEncoded())), CLOCK);

        assertThatThrownBy(() -> decoder.decode(token(JWSAlgorithm.RS256, "rsa-1", claims().subject("x".repeat(256)))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void rolesComeFromTheConfiguredClaimAndUnknownNamesAreIgnored() {
        Jwt jwt = jwt(Map.of("groups", List.of("SUPERVISOR", "BILLING", "ADMIN", "supervisor", 7)));

        assertThat(authorities(BearerTokens.roles(jwt, "groups")))
                .containsExactlyInAnyOrder("ROLE_SUPERVISOR", "ROLE_BILLING");
        assertThat(BearerTokens.roles(jwt, "roles")).isEmpty();
    }

    @Test
    void aDottedRolesClaimReachesIntoNestedClaims() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("RECORDS_OFFICER", "offline_access"))));

        assertThat(authorities(BearerTokens.roles(jwt, "realm_access.roles"))).containsExactly("ROLE_RECORDS_OFFICER");
    }

    @Test
    void aSingleRoleNameMayComeAsText() {
        assertThat(authorities(BearerTokens.roles(jwt(Map.of("roles", "AUDITOR")), "roles")))
                .containsExactly("ROLE_AUDITOR");
    }

    @Test
    void theUserClaimNamesThePrincipal() {
        JwtProperties properties = new JwtProperties(ISSUER, AUDIENCE, null, "unused", "roles", "preferred_username");
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("3f1c")
                .claim("preferred_username", "dora").claim("roles", List.of("CASE_MANAGER")).build();

        var authentication = BearerTokens.authentication(properties).convert(jwt);

        assertThat(authentication.getName()).isEqualTo("dora");
        assertThat(authorities(authentication.getAuthorities())).contains("ROLE_CASE_MANAGER");
    }

    @Test
    void bearerTokensNeedProductionModeAndAnIssuer() {
        JwtProperties configured = fromJwkSet();
        JwtProperties notConfigured = new JwtProperties(null, null, null, null, "roles", "sub");

        assertThat(BearerTokens.enabled(configured, production())).isTrue();
        assertThat(BearerTokens.enabled(configured, new MockEnvironment())).isFalse();
        assertThat(BearerTokens.enabled(notConfigured, production())).isFalse();
    }

    @Test
    void productionWithBearerTokensNeedsNoPasswordAccounts() {
        UserDetailsService accounts = new SecurityConfiguration().accounts(noAccounts(), production(),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), fromJwkSet());

        assertThatThrownBy(() -> accounts.loadUserByUsername("ada")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void productionWithoutBearerTokensStillNeedsAnAccount() {
        JwtProperties notConfigured = new JwtProperties(null, null, null, null, "roles", "sub");

        assertThatThrownBy(() -> new SecurityConfiguration().accounts(noAccounts(), production(),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), notConfigured))
                .hasMessageContaining("No accounts are configured");
    }

    @Test
    void anIssuerWithoutAnAudienceRefusesToStart() {
        assertThatThrownBy(() -> BearerTokens.decoder(
                new JwtProperties(ISSUER, " ", jwkSetUri(), null, "roles", "sub"), CLOCK))
                .hasMessageContaining("audience");
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        assertThatThrownBy(() -> BearerTokens.decoder(
                new JwtProperties(ISSUER, AUDIENCE, null, null, "roles", "sub"), CLOCK))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> BearerTokens.decoder(
                new JwtProperties(ISSUER, AUDIENCE, jwkSetUri(), "/etc/key.pem", "roles", "sub"), CLOCK))
                .hasMessageContaining("exactly one");
    }

    @Test
    void weakOrUnsuitableKeysRefuseToStart() throws IOException {
        String shortRsa = pemFile(keyPair("RSA", null, 1024).getPublic().getEncoded());
        String p384 = pemFile(keyPair("EC", "secp384r1").getPublic().getEncoded());
        Path notPem = Files.writeString(keys.resolve("key.txt"), "not a key");

        assertThatThrownBy(() -> BearerTokens.readPublicKey(shortRsa)).hasMessageContaining("2048");
        assertThatThrownBy(() -> BearerTokens.readPublicKey(p384)).hasMessageContaining("P-256");
        assertThatThrownBy(() -> BearerTokens.readPublicKey(notPem.toString())).hasMessageContaining("PEM");
        assertThat(BearerTokens.readPublicKey("file:" + pemFile(RSA.getPublic().getEncoded())))
                .isEqualTo(RSA.getPublic());
    }

    @Test
    void theChallengeNamesOnlyWellFormedErrorCodes() {
        assertThat(BearerTokens.challenge("R", new OAuth2AuthenticationException(new OAuth2Error("invalid_request"))))
                .isEqualTo("Bearer realm=\"R\", error=\"invalid_request\"");
        assertThat(BearerTokens.challenge("R", new OAuth2AuthenticationException(new OAuth2Error("x\", y=\"z"))))
                .isEqualTo("Bearer realm=\"R\", error=\"invalid_token\"");
    }

    private String pemFile(byte[] encodedPublicKey) throws IOException {
        Path file = Files.createTempFile(keys, "key-", ".pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encodedPublicKey)
                + "\n-----END PUBLIC KEY-----\n");
        return file.toString();
    }

    private static JwtProperties fromJwkSet() {
        return new JwtProperties(ISSUER, AUDIENCE, jwkSetUri(), null, "roles", "sub");
    }

    private static JwtProperties fromPublicKey(String location) {
        return new JwtProperties(ISSUER, AUDIENCE, null, location, "roles", "sub");
    }

    private static String jwkSetUri() {
        return "http://127.0.0.1:" + jwkSetServer.getAddress().getPort() + "/jwks";
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.clinic/caserecord");
    }

    private static AccountProperties noAccounts() {
        return new AccountProperties(true, List.of(), Duration.ofMinutes(5));
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("dora")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String token(JWSAlgorithm algorithm, String keyId, JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
    }

    private static String typedToken(JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(algorithm).type(type).build(), claims);
    }

    private static String sign(JWSHeader header, JWTClaimsSet.Builder claims) {
        try {
            JWSSigner signer = JWSAlgorithm.Family.EC.contains(header.getAlgorithm())
                    ? new ECDSASigner(EC.getPrivate(), Curve.P_256) : new RSASSASigner(RSA.getPrivate());
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("dora").claims(all -> all.putAll(claims)).build();
    }

    private static List<String> authorities(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static KeyPair keyPair(String algorithm, String curve) {
        return keyPair(algorithm, curve, 2048);
    }

    private static KeyPair keyPair(String algorithm, String curve, int rsaBits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(rsaBits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
