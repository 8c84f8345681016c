package org.caserecord.api.access;

import java.util.Set;

import org.caserecord.api.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in caller's roles, for decisions inside handlers. */
public final class CallerRoles {

    private CallerRoles() {
    }

    /** A billing user with no clinical role: receives the billing view of a case. */
    public static boolean billingOnly() {
        Set<Role> roles = current();
        return roles.contains(Role.BILLING) && roles.size() == 1;
    }

    public static boolean supervisor() {
        return current().contains(Role.SUPERVISOR);
    }

    private static Set<Role> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Set.of() : CaseAuthorization.roles(authentication);
    }
}
