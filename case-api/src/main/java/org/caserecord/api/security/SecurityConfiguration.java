package org.caserecord.api.security;

import java.time.Clock;

import org.caserecord.api.audit.AccessLog;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.web.ProblemWriter;
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
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Stateless HTTP Basic over the whole API. Health and the API description are public;
 * everything else needs a signed-in account. Failures answer with problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String REALM = "Case Record Service";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                    AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDenied,
                                    AccessLog accessLog, ProblemWriter problems)
            throws Exception {
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
                        .requestMatchers("/api/disclosures", "/api/disclosures/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.RECORDS_OFFICER.name())
                        // Handing the record out: case managers and records officers (auditors write
                        // nothing, supervisors make no disclosures, billing sees no clinical content).
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/disclosures", "/api/cases/*/exports")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.RECORDS_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/exports/**")
                        .hasAnyRole(Role.CASE_MANAGER.name(), Role.SUPERVISOR.name(), Role.AUDITOR.name(),
                                Role.RECORDS_OFFICER.name())
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
    UserDetailsService accounts(AccountProperties properties, Environment environment, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(Accounts.build(properties, environment, encoder));
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Sign in with a valid user id and password (HTTP Basic).");
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
        return (request, response, exception) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this request.");
    }
}
