package org.caserecord.api.security;

import java.time.Clock;

import org.caserecord.api.audit.AccessLog;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.CorsFilter;

/**
 * Stateless HTTP Basic over the whole API, and in production mode with an issuer configured
 * also JWT bearer tokens (see {@link JwtProperties}). Health and the API description are public;
 * everything else needs a signed-in account. Failures answer with problem+json. Browser access
 * from other origins only as configured ({@link CorsProperties}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String REALM = "Case Record Service";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The API serves JSON and PDF downloads, never pages: nothing may load into or frame a response. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Swagger UI is a page with scripts and styles; it and the document it shows keep the browser defaults. */
    private static final RequestMatcher API_DOCUMENTATION = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs*"),
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                    AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDenied,
                                    AccessLog accessLog, ProblemWriter problems, JwtProperties jwtProperties,
                                    CorsProperties corsProperties, Environment environment, Clock clock)
            throws Exception {
        if (BearerTokens.enabled(jwtProperties, environment)) {
            AuthenticationManager bearerTokens = BearerTokens.authenticationManager(jwtProperties, clock);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.authenticationManager(bearerTokens)));
        } else if (StringUtils.hasText(jwtProperties.issuer())) {
            log.warn("Local mode: caserecord.security.jwt is ignored; bearer tokens are accepted in production "
                    + "mode only");
        }
        http.addFilterAt(new ApiCorsFilter(corsProperties, problems), CorsFilter.class)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(API_DOCUMENTATION),
                                new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY))));
        return http
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.RECORDS_OFFICER.name())
                        .requestMatchers("/api/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.RECORDS_OFFICER.name())
                        .requestMatchers("/api/insurance/**")
                        .hasAnyRole(Role.BILLING.name(), Role.SUPERVISOR.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/retention", "/api/retention/**")
                        .hasAnyRole(Role.RECORDS_OFFICER.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/disclosures", "/api/disclosures/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.RECORDS_OFFICER.name())
                        // Which other systems are told about case events (webhooks).
                        .requestMatchers("/api/subscriptions", "/api/subscriptions/**")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.RECORDS_OFFICER.name())
                        // Handing the record out: case managers and records officers (auditors write
                        // nothing, supervisors make no disclosures, billing sees no clinical content).
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/disclosures", "/api/cases/*/exports")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.RECORDS_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/exports/**")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.SUPERVISOR.name(), Role.AUDITOR.name(),
                                Role.RECORDS_OFFICER.name())
                        // The resource directory: everyone reads it, case managers and supervisors keep it
                        // up to date, supervisors retire resources.
                        .requestMatchers(HttpMethod.POST, "/api/resources/*/retirement")
                        .hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/resources", "/api/resources/**")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/resources/**")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/api/resources", "/api/resources/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .headers(Customizer.withDefaults())
                // Signed in by now, authorization still to come: refused reads are logged too.
                .addFilterBefore(new AccessLogFilter(accessLog, problems), AuthorizationFilter.class)
                .build();
    }

    /** Passwords checked against the accounts, with recent successes remembered (see the cache). */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService accounts, PasswordEncoder passwordEncoder,
                                                AccountProperties properties, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new VerifiedCredentialsCache(passwords, properties.verifiedCredentialsTtl(), clock));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(AccountProperties properties, Environment environment, PasswordEncoder encoder,
                                JwtProperties jwtProperties) {
        if (BearerTokens.enabled(jwtProperties, environment) && properties.accounts().isEmpty()) {
            // Users sign in with tokens from the identity provider; HTTP Basic has no account to match.
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(Accounts.build(properties, environment, encoder));
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems, JwtProperties jwtProperties,
                                               Environment environment) {
        boolean bearerTokens = BearerTokens.enabled(jwtProperties, environment);
        return (request, response, exception) -> {
            if (exception instanceof OAuth2AuthenticationException) { // a bearer token was presented and refused
                response.setHeader("WWW-Authenticate", BearerTokens.challenge(REALM, exception));
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Authentication required", "Sign in with a valid bearer token: this one is expired, "
                                + "not signed by the identity provider, or not issued for this service.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            if (bearerTokens) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            }
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    bearerTokens ? "Sign in with a bearer token from the identity provider, or a valid user id "
                            + "and password (HTTP Basic)." : "Sign in with a valid user id and password (HTTP Basic).");
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
        return (request, response, exception) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this request.");
    }
}
