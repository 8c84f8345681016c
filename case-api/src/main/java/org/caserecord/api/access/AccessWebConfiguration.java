package org.caserecord.api.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts per-case authorization in front of every case and caseload handler. */
@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    private final CaseAuthorization authorization;

    AccessWebConfiguration(CaseAuthorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authorization).addPathPatterns("/api/cases", "/api/cases/**", "/api/caseloads",
                "/api/caseloads/**");
    }
}
