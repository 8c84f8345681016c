package org.caserecord.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP API limits.
 *
 * @param maxRequestBody  largest accepted request body
 * @param maxPageSize     largest page a list endpoint returns
 * @param defaultPageSize page size when the caller gives no limit
 */
@ConfigurationProperties("caserecord.api")
public record ApiProperties(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("200") int maxPageSize,
        @DefaultValue("50") int defaultPageSize) {
}
