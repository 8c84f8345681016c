package org.caserecord.api.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-case access settings.
 *
 * @param emergencyAccessDuration how long break-glass read access to a case lasts
 */
@ConfigurationProperties("caserecord.access")
public record AccessProperties(@DefaultValue("60m") Duration emergencyAccessDuration) {
}
