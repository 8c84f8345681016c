package org.caserecord.api.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP API limits.
 *
 * @param maxRequestBody  largest accepted request body
 * @param idempotencyRetention how long a response to a request with an Idempotency-Key is kept for replay
 */
@ConfigurationProperties("caserecord.api")
public record ApiProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("24h") Duration idempotencyRetention) {
}
