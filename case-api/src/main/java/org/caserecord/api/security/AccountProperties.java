package org.caserecord.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in accounts for HTTP Basic.
 *
 * @param demoAccounts offer the documented demo accounts; honoured in local mode only
 * @param accounts     configured accounts, each a user id, roles and a BCrypt password hash
 */
@ConfigurationProperties("caserecord.security")
public record AccountProperties(
        @DefaultValue("true") boolean demoAccounts,
        @DefaultValue List<Account> accounts) {

    public record Account(String id, List<Role> roles, String passwordHash) {
    }
}
