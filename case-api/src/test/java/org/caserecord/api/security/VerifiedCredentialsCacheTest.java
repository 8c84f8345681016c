package org.caserecord.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class VerifiedCredentialsCacheTest {

    private final MutableClock clock = new MutableClock();
    private final CountingEncoder encoder = new CountingEncoder();
    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(passwords(), Duration.ofMinutes(5),
            clock);

    private DaoAuthenticationProvider passwords() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("ada").password(encoder.encode("demo")).roles("CASE_MANAGER").build()));
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsNotHashedAgainWithinItsTimeToLive() {
        Authentication first = cache.authenticate(login("ada", "demo"));
        int checks = encoder.checks;

        Authentication second = cache.authenticate(login("ada", "demo"));

        assertThat(encoder.checks).isEqualTo(checks);
        assertThat(second.getName()).isEqualTo("ada");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsRefusedEvenRightAfterTheRightOne() {
        cache.authenticate(login("ada", "demo"));

        assertThatThrownBy(() -> cache.authenticate(login("ada", "guess"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusalsAreNotRemembered() {
        assertThatThrownBy(() -> cache.authenticate(login("ada", "guess"))).isInstanceOf(BadCredentialsException.class);
        int checks = encoder.checks;

        assertThatThrownBy(() -> cache.authenticate(login("ada", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).isGreaterThan(checks);
    }

    @Test
    void afterTheTimeToLiveThePasswordIsCheckedAgain() {
        cache.authenticate(login("ada", "demo"));
        int checks = encoder.checks;
        clock.advance(Duration.ofMinutes(6));

        cache.authenticate(login("ada", "demo"));

        assertThat(encoder.checks).isGreaterThan(checks);
    }

    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return bcrypt.matches(raw, encoded);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-10T15:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
