package org.caserecord.api.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.caserecord.api.config.LocalMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds the accounts that may sign in. In local mode the demo accounts (password "demo")
 * come first; configured accounts are added in every mode. Production mode refuses to
 * start without any account, and every configured hash must be a BCrypt hash.
 */
final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,255}");

    static final Map<String, Role> DEMO_ACCOUNTS = demoAccounts();

    private Accounts() {
    }

    static List<UserDetails> build(AccountProperties properties, Environment environment, PasswordEncoder encoder) {
        Map<String, UserDetails> accounts = new LinkedHashMap<>();
        if (LocalMode.isActive(environment) && properties.demoAccounts()) {
            String demoHash = encoder.encode("demo");
            DEMO_ACCOUNTS.forEach((id, role) -> accounts.put(id, user(id, List.of(role), demoHash)));
            log.info("Local mode: demo accounts {} are enabled (password \"demo\")", DEMO_ACCOUNTS.keySet());
        }
        for (AccountProperties.Account account : properties.accounts()) {
            validate(account);
            String hash = account.passwordHash().startsWith("{") ? account.passwordHash()
                    : "{bcrypt}" + account.passwordHash();
            accounts.put(account.id(), user(account.id(), account.roles(), hash));
        }
        if (accounts.isEmpty()) {
            throw new IllegalStateException("No accounts are configured. Set caserecord.security.accounts "
                    + "(see the README's Configuration section) or run in local mode.");
        }
        return new ArrayList<>(accounts.values());
    }

    private static void validate(AccountProperties.Account account) {
        if (account.id() == null || !USER_ID.matcher(account.id()).matches()) {
            throw new IllegalStateException("Every configured account needs an id of letters, digits and ._@-");
        }
        if (account.roles() == null || account.roles().isEmpty()) {
            throw new IllegalStateException("Account " + account.id() + " has no roles");
        }
        if (account.passwordHash() == null || !BCRYPT.matcher(account.passwordHash()).matches()) {
            throw new IllegalStateException("Account " + account.id() + " needs a BCrypt password hash");
        }
    }

    private static UserDetails user(String id, List<Role> roles, String passwordHash) {
        return User.withUsername(id)
                .password(passwordHash)
                .roles(roles.stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    private static Map<String, Role> demoAccounts() {
        Map<String, Role> demo = new LinkedHashMap<>();
        demo.put("ada", Role.CASE_MANAGER);
        demo.put("ben", Role.CASE_MANAGER);
        demo.put("grace", Role.SUPERVISOR);
        demo.put("ida", Role.AUDITOR);
        demo.put("bill", Role.BILLING);
        demo.put("rita", Role.RECORDS_OFFICER);
        return Map.copyOf(demo);
    }
}
