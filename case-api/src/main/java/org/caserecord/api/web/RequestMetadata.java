package org.caserecord.api.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The metadata every command (and through Axon's correlation providers, every event)
 * carries: who acted, in which roles, and which request and conversation it belongs to.
 * Never client data.
 */
public final class RequestMetadata {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private RequestMetadata() {
    }

    public static Map<String, Object> current() {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            metadata.put(ACTOR, authentication.getName());
            List<String> roles = authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring(5))
                    .sorted()
                    .toList();
            metadata.put(ACTOR_ROLES, roles);
        }
        putIfPresent(metadata, REQUEST_ID, MDC.get(RequestIdFilter.MDC_REQUEST_ID));
        putIfPresent(metadata, CORRELATION_ID, MDC.get(RequestIdFilter.MDC_CORRELATION_ID));
        return metadata;
    }

    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
