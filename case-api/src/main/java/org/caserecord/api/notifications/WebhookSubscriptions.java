package org.caserecord.api.notifications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caserecord.api.crypto.SealedSecrets;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions and their delivery logs. A subscription's secret is stored sealed under
 * the master key and is read back only by the dispatcher, never by the API. Deleting a
 * subscription keeps its row (deleted_at) so its log keeps its meaning, and cancels what it has
 * not yet received.
 */
@Service
public class WebhookSubscriptions {

    private static final String SUBSCRIPTION_COLUMNS = """
            id, url, event_types, created_at, created_by, deleted_at, deleted_by, consecutive_failures,
            CASE WHEN paused_until > now() THEN paused_until END AS paused_until""";
    private static final String DELIVERY_COLUMNS = """
            id, event_id, event_type, case_id, sequence, recorded_at, status, attempts, last_attempt_at,
            last_status_code, last_error, next_attempt_at, delivered_at, created_at, log_position""";

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, SealedSecrets webhookSecrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = webhookSecrets;
        this.clock = clock;
    }

    /** One page of a delivery log, newest first; {@code nextBefore} continues it (null at the end). */
    public record DeliveryPage(List<Delivery> deliveries, Long nextBefore) {
    }

    /**
     * A new subscription, receiving the given event types (deduplicated, in the order given) from
     * now on. Runs in the caller's transaction when there is one.
     */
    public Subscription create(String url, List<String> eventTypes, String secret, String createdBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> types = eventTypes.stream().distinct().toList();
        jdbc.sql("""
                        INSERT INTO webhook_subscription (id, url, event_types, secret_ciphertext, created_at, created_by)
                        VALUES (:id, :url, CAST(:eventTypes AS text[]), :secret, :createdAt, :createdBy)
                        """)
                .param("id", id)
                .param("url", url)
                .param("eventTypes", types.toArray(String[]::new))
                .param("secret", secrets.seal(id, secret))
                .param("createdAt", SqlTime.utc(now))
                .param("createdBy", createdBy)
                .update();
        return find(id).orElseThrow();
    }

    /** Every subscription not deleted, oldest first. */
    public List<Subscription> active() {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM webhook_subscription WHERE deleted_at IS NULL ORDER BY created_at, id")
                .query((rs, n) -> subscription(rs))
                .list();
    }

    /** The subscription, deleted or not. */
    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscription WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> subscription(rs))
                .optional();
    }

    /**
     * Deletes an active subscription: nothing more is sent to it, and its pending deliveries are
     * cancelled (an attempt already under way may still reach the receiver, and is then logged as
     * delivered). False when there is no such active subscription.
     */
    @Transactional
    public boolean delete(UUID id, String deletedBy) {
        boolean deleted = jdbc.sql("""
                        UPDATE webhook_subscription SET deleted_at = :now, deleted_by = :deletedBy
                         WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("now", SqlTime.utc(clock.instant()))
                .param("deletedBy", deletedBy)
                .param("id", id)
                .update() == 1;
        if (deleted) {
            jdbc.sql("UPDATE webhook_delivery SET status = 'CANCELLED' WHERE subscription_id = :id AND status = 'PENDING'")
                    .param("id", id)
                    .update();
        }
        return deleted;
    }

    /** The subscription's deliveries, newest first, optionally only those with the status. */
    public DeliveryPage deliveries(UUID subscriptionId, DeliveryStatus status, Long before, int limit) {
        List<PositionedDelivery> rows = jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
                         FROM webhook_delivery
                        WHERE subscription_id = :subscriptionId
                          AND (CAST(:status AS varchar) IS NULL OR status = :status)
                          AND (CAST(:before AS bigint) IS NULL OR log_position < :before)
                        ORDER BY log_position DESC
                        LIMIT :limit
                        """)
                .param("subscriptionId", subscriptionId)
                .param("status", status == null ? null : status.name())
                .param("before", before)
                .param("limit", limit + 1)
                .query((rs, n) -> new PositionedDelivery(delivery(rs), rs.getLong("log_position")))
                .list();
        List<PositionedDelivery> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        return new DeliveryPage(shown.stream().map(PositionedDelivery::delivery).toList(),
                rows.size() > limit ? shown.get(limit - 1).position() : null);
    }

    private record PositionedDelivery(Delivery delivery, long position) {
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        int failures = rs.getInt("consecutive_failures");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), texts(rs.getArray("event_types")),
                SqlTime.instant(rs, "created_at"), rs.getString("created_by"), SqlTime.instant(rs, "deleted_at"),
                rs.getString("deleted_by"), failures, SqlTime.instant(rs, "paused_until"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        int code = rs.getInt("last_status_code");
        Integer lastStatusCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("event_id"), rs.getString("event_type"),
                rs.getObject("case_id", UUID.class), rs.getLong("sequence"), SqlTime.instant(rs, "recorded_at"), status,
                rs.getInt("attempts"), SqlTime.instant(rs, "last_attempt_at"), lastStatusCode,
                rs.getString("last_error"),
                status == DeliveryStatus.PENDING ? SqlTime.instant(rs, "next_attempt_at") : null,
                SqlTime.instant(rs, "delivered_at"), SqlTime.instant(rs, "created_at"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
