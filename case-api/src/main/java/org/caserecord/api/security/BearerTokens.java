package org.caserecord.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.caserecord.api.config.LocalMode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.util.ResourceUtils;
import org.springframework.util.StringUtils;

/**
 * Production sign-in with JWT bearer tokens (see {@link JwtProperties}). A token is accepted only
 * when it is signed with RS256 or ES256 by the configured key, names the configured issuer and
 * audience, carries an expiry that has not passed, and names its user. Unsigned tokens and HMAC
 * tokens are never accepted: the key selector knows the two asymmetric algorithms only, so a token
 * "signed" with the public key as an HMAC secret finds no key.
 */
final class BearerTokens {

    private static final int MAX_USER_ID_LENGTH = 255;
    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM_PUBLIC_KEY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

    private BearerTokens() {
    }

    /** Bearer tokens are accepted in production mode once an issuer is configured. */
    static boolean enabled(JwtProperties properties, Environment environment) {
        return !LocalMode.isActive(environment) && StringUtils.hasText(properties.issuer());
    }

    /** Checks bearer tokens only; passwords go to the HTTP Basic authentication manager. */
    static AuthenticationManager authenticationManager(JwtProperties properties, Clock clock) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(properties, clock));
        provider.setJwtAuthenticationConverter(authentication(properties));
        return new ProviderManager(provider);
    }

    static JwtDecoder decoder(JwtProperties properties, Clock clock) {
        validate(properties);
        NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                        .jwsAlgorithms(algorithms -> {
                            algorithms.add(SignatureAlgorithm.RS256);
                            algorithms.add(SignatureAlgorithm.ES256);
                        })
                        .build()
                : singleKeyDecoder(readPublicKey(properties.publicKeyLocation()));
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, Clock clock) {
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setAllowEmptyExpiryClaim(false); // a token without an expiry would be good forever
        expiry.setClock(clock);
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt"); // RFC 9068 access tokens too
        type.setAllowEmpty(true);
        return JwtValidators.createDefaultWithValidators(List.of(expiry, type,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<Object>(properties.userClaim(), BearerTokens::isUserId)));
    }

    /** The user from the user claim, with the known roles from the roles claim as ROLE_ authorities. */
    static Converter<Jwt, AbstractAuthenticationToken> authentication(JwtProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(properties.userClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, properties.rolesClaim()));
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt, String rolesClaim) {
        Object claim = claim(jwt.getClaims(), rolesClaim);
        Collection<?> names = claim instanceof Collection<?> list ? list : claim instanceof String one ? List.of(one)
                : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return authorities;
    }

    /**
     * The challenge for a refused bearer token (RFC 6750). The error code tells the client to get a
     * new token; the reason (expired, wrong audience...) stays out of the response.
     */
    static String challenge(String realm, AuthenticationException refused) {
        String error = OAuth2ErrorCodes.INVALID_TOKEN;
        if (refused instanceof OAuth2AuthenticationException oauth2 && oauth2.getError() != null
                && oauth2.getError().getErrorCode() != null
                && ERROR_CODE.matcher(oauth2.getError().getErrorCode()).matches()) {
            error = oauth2.getError().getErrorCode();
        }
        return "Bearer realm=\"" + realm + "\", error=\"" + error + "\"";
    }

    /** A claim by its name, or, when there is none by that name, by a dotted path into nested claims. */
    private static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || !name.contains(".")) {
            return claims.get(name);
        }
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> nested)) {
                return null;
            }
            value = nested.get(part);
        }
        return value;
    }

    private static boolean isUserId(Object value) {
        return value instanceof String id && StringUtils.hasText(id) && id.length() <= MAX_USER_ID_LENGTH;
    }

    private static void validate(JwtProperties properties) {
        if (!StringUtils.hasText(properties.audience())) {
            throw new IllegalStateException("caserecord.security.jwt.audience is required with an issuer: "
                    + "tokens the provider issued for other services must not sign in here");
        }
        if (StringUtils.hasText(properties.jwkSetUri()) == StringUtils.hasText(properties.publicKeyLocation())) {
            throw new IllegalStateException("Set exactly one of caserecord.security.jwt.jwk-set-uri and "
                    + "caserecord.security.jwt.public-key-location");
        }
        if (StringUtils.hasText(properties.jwkSetUri()) && !properties.jwkSetUri().matches("(?i)https?://.+")) {
            throw new IllegalStateException("caserecord.security.jwt.jwk-set-uri must be an http(s) URL");
        }
        if (!StringUtils.hasText(properties.rolesClaim()) || !StringUtils.hasText(properties.userClaim())) {
            throw new IllegalStateException("caserecord.security.jwt.roles-claim and user-claim must not be empty");
        }
    }

    /**
     * One key verifies every token whose algorithm fits it. A PEM file carries no key id, so
     * tokens are not matched by their {@code kid}.
     */
    private static NimbusJwtDecoder singleKeyDecoder(PublicKey key) {
        JWSAlgorithm algorithm = key instanceof RSAPublicKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(algorithm, key));
        processor.setJWSTypeVerifier((header, context) -> {
        }); // the typ header is checked with the claims (JwtTypeValidator)
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        }); // the claims are checked by the validators, with the service's clock
        return new NimbusJwtDecoder(processor);
    }

    static PublicKey readPublicKey(String location) {
        Resource resource = ResourceUtils.isUrl(location) ? new DefaultResourceLoader().getResource(location)
                : new FileSystemResource(location);
        String pem;
        try {
            pem = resource.getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("The JWT public key cannot be read from " + location, e);
        }
        Matcher body = PEM_PUBLIC_KEY.matcher(pem);
        if (!body.find()) {
            throw new IllegalStateException(location + " holds no PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body.group(1)));
        try {
            return checkedRsa((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec), location);
        } catch (InvalidKeySpecException notRsa) {
            try {
                return checkedEc((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec), location);
            } catch (GeneralSecurityException notEc) {
                throw new IllegalStateException(location + " holds neither an RSA nor an EC public key", notEc);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT public key in " + location + " cannot be read", e);
        }
    }

    private static PublicKey checkedRsa(RSAPublicKey key, String location) {
        if (key.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException("The RSA key in " + location + " is shorter than " + MIN_RSA_BITS
                    + " bits");
        }
        return key;
    }

    private static PublicKey checkedEc(ECPublicKey key, String location) {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
            throw new IllegalStateException("The EC key in " + location + " is not on P-256, the curve of ES256");
        }
        return key;
    }
}
