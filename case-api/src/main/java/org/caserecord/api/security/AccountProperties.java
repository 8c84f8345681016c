package org.caserecord.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in accounts for HTTP Basic.
 *
 * @param demoAccounts offer the documented demo accounts; honoured in local mode only
 * @param accounts     configured accounts, each a user id, roles and a BCrypt password hash
 * @param verifiedCredentialsTtl how long a verified user id and password pair is remembered
 *                     (0 checks BCrypt on every request)
 */
@ConfigurationProperties("caserecord.security")
public record AccountProperties(
        @DefaultValue("true") boolean demoAccounts,
        @DefaultValue List<Account> accounts,
        @DefaultValue("5m") Duration verifiedCredentialsTtl) {

    public record Account(String id, List<Role> roles, String passwordHash) {
    }
}
