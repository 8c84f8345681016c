package org.caserecord.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service instances sharing one database tell each other they are alive.
 *
 * @param heartbeatInterval how often an instance records that it is alive and re-reads how many are
 * @param expiry            an instance not heard from for this long counts as gone and its share of
 *                          the projection segments is taken over; longer than a few heartbeats, so a
 *                          pause (garbage collection, a busy database) does not count as death
 */
@ConfigurationProperties("caserecord.instances")
public record InstanceProperties(
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration expiry) {
}
