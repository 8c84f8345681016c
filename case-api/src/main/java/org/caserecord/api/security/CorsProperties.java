package org.caserecord.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser apps on other origins that may call the API.
 *
 * @param allowedOrigins exact origins such as {@code https://app.clinic.example}; empty (the default):
 *                       no response carries CORS headers and every preflight is refused
 */
@ConfigurationProperties("caserecord.security.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
