package org.caserecord.api.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings.
 *
 * @param timeZone        the clinic's time zone: "today" for dates such as openedOn and closedOn
 * @param readYourWrites  how long a read of a case waits for the read model to catch up with
 *                        writes already committed to the event store
 * @param eventPollInterval how often event processors look for new events in the event table
 * @param overdueAfterDays  days without contact after which an open case counts as overdue
 * @param aggregateCacheSize how many cases' state commands keep in memory between commands
 *                        (0 turns the cache off); checked against the event store on every use
 * @param checkpointSettleTime how old the newest seal an audit checkpoint covers must be: longer than
 *                        any write transaction lasts, so no event can still appear below its position
 */
@ConfigurationProperties("caserecord")
public record ClinicProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("3s") Duration readYourWrites,
        @DefaultValue("100ms") Duration eventPollInterval,
        @DefaultValue("30") int overdueAfterDays,
        @DefaultValue("5000") long aggregateCacheSize,
        @DefaultValue("60s") Duration checkpointSettleTime) {
}
