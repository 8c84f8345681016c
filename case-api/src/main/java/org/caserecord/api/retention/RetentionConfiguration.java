package org.caserecord.api.retention;

import org.caserecord.domain.retention.RetentionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention policy the case aggregate and the read models apply. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionPolicy retentionPolicy(RetentionProperties properties) {
        return properties.policy();
    }
}
