package org.caserecord.api.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound notifications (README "Notifications (webhooks)", docs/webhooks.md). Checked at start-up.
 *
 * @param enabled                    whether this instance sends deliveries. The outbox records them either
 *                                   way, so nothing is lost while sending is off: another instance, or this one
 *                                   once enabled, sends what is pending
 * @param pollInterval               how often the dispatcher looks for due deliveries (new events and the end
 *                                   of a delivery wake it at once; this bounds retries and other instances' work)
 * @param connectTimeout             how long connecting to a receiver may take
 * @param requestTimeout             how long a receiver may take to answer once connected
 * @param backoffInitial             the wait after a delivery's first failed attempt; it doubles with every further
 *                                   failure (with jitter), up to backoffMax
 * @param backoffMax                 the longest wait between two attempts at a delivery; retries go on until the
 *                                   receiver accepts it or the subscription is deleted
 * @param threads                    threads that send and record attempts (the HTTP exchanges themselves do not
 *                                   hold a thread while they wait)
 * @param maxInFlight                attempts this instance has under way at once, all subscriptions together
 * @param maxInFlightPerSubscription attempts under way at once to one subscription, so a slow receiver takes
 *                                   no capacity from the others
 * @param allowPlainHttp             accept http:// URLs to hosts other than loopback (off: https is required)
 */
@ConfigurationProperties("caserecord.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("1s") Duration backoffInitial,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("4") int threads,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("4") int maxInFlightPerSubscription,
        @DefaultValue("false") boolean allowPlainHttp) {

    private static final String PREFIX = "caserecord.webhooks.";

    public WebhookProperties {
        positive(pollInterval, "poll-interval");
        positive(connectTimeout, "connect-timeout");
        positive(requestTimeout, "request-timeout");
        positive(backoffInitial, "backoff-initial");
        positive(backoffMax, "backoff-max");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException(PREFIX + "backoff-max must not be shorter than backoff-initial");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException(PREFIX + "threads must be between 1 and 64");
        }
        if (maxInFlight < 1 || maxInFlight > 10_000) {
            throw new IllegalArgumentException(PREFIX + "max-in-flight must be between 1 and 10000");
        }
        if (maxInFlightPerSubscription < 1 || maxInFlightPerSubscription > maxInFlight) {
            throw new IllegalArgumentException(PREFIX + "max-in-flight-per-subscription must be between 1 and "
                    + "max-in-flight");
        }
    }

    /**
     * How long an attempt may hold its claim on a delivery: longer than any attempt can last, so
     * another instance takes it over only when the sender is gone.
     */
    Duration claimLease() {
        return connectTimeout.plus(requestTimeout).plus(Duration.ofSeconds(30));
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration");
        }
    }
}
