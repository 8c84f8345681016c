package org.caserecord.api.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Local mode is the default: no datasource URL is configured, so the service runs its own
 * embedded PostgreSQL and offers demo accounts. Setting {@code SPRING_DATASOURCE_URL}
 * switches to production mode.
 */
public final class LocalMode implements Condition {

    public static boolean isActive(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isActive(context.getEnvironment());
    }
}
