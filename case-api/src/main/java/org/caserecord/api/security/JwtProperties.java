package org.caserecord.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with JWT bearer tokens issued by the clinic's identity provider (OpenID Connect).
 * Honoured in production mode only, and only when an issuer is set; local mode never accepts
 * bearer tokens. Give exactly one of the JWK set URI and the public key location.
 *
 * @param issuer            the exact {@code iss} of accepted tokens; empty: no bearer tokens
 * @param audience          the value the {@code aud} claim must contain (this service at the provider)
 * @param jwkSetUri         where the provider publishes its signing keys (RS256 or ES256)
 * @param publicKeyLocation a PEM public key ({@code BEGIN PUBLIC KEY}: RSA of 2048 bits or more for
 *                          RS256, EC P-256 for ES256), as a path or a {@code file:} or {@code classpath:} URL
 * @param rolesClaim        the claim listing the user's role names ({@link Role}); others are ignored.
 *                          A dotted name such as {@code realm_access.roles} reaches into nested claims
 * @param userClaim         the claim naming the user, recorded as the actor
 */
@ConfigurationProperties("caserecord.security.jwt")
public record JwtProperties(
        String issuer,
        String audience,
        String jwkSetUri,
        String publicKeyLocation,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("sub") String userClaim) {
}
