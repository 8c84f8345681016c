package org.caserecord.api.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries as a queue in PostgreSQL, shared by every instance of the service.
 * <ul>
 *   <li><b>Per-case order.</b> For each subscription and case only the pending delivery with the
 *   lowest sequence (the queue's head) is ever claimed; the next one waits until it is delivered.</li>
 *   <li><b>Claims.</b> Claiming sets {@code claimed_until} (a lease longer than any attempt) and
 *   counts the attempt, in one statement that skips rows other instances are claiming at that
 *   moment ({@code FOR UPDATE SKIP LOCKED}). The HTTP exchange happens outside any transaction; a
 *   sender that dies leaves a claim that lapses, and the delivery is attempted again.</li>
 *   <li><b>Isolation.</b> At most {@code perSubscription} attempts are under way per subscription,
 *   and a subscription whose receiver keeps failing is paused as a whole, so one receiver's
 *   trouble never takes capacity from another.</li>
 *   <li><b>Stale results.</b> The outcome of an attempt is written only if the delivery is still at
 *   that attempt: a result arriving after its claim lapsed and another attempt began changes nothing.</li>
 * </ul>
 * Times for scheduling come from the database's clock, the same for every instance.
 */
@Component
class DeliveryQueue {

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery: what the request needs, and the attempt it is. */
    record Claim(UUID id, UUID subscriptionId, String eventId, String eventType, UUID caseId, long sequence,
                 Instant recordedAt, int attempt, String url, byte[] sealedSecret) {
    }

    /** Pending deliveries and how long the oldest of them has waited since its event was recorded. */
    record Backlog(long pending, Duration oldestAge) {
    }

    /** A case event as the outbox sees it: its identity and place, never its content. */
    record RecordedEvent(String eventId, String type, UUID caseId, long sequence, Instant recordedAt) {
    }

    /**
     * Records a pending delivery of each event to every active subscription that receives its
     * type and was created by the time it was recorded; an event already recorded for a
     * subscription (a replay) is left as it is. Runs in the caller's transaction. Answers how many
     * deliveries were added.
     */
    int enqueue(List<RecordedEvent> events) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, case_id, sequence,
                                                      recorded_at, status, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), s.id, e.event_id, e.event_type, e.case_id, e.sequence, e.recorded_at,
                               'PENDING', 0, now(), now()
                          FROM unnest(CAST(:eventIds AS varchar[]), CAST(:types AS varchar[]), CAST(:cases AS uuid[]),
                                      CAST(:sequences AS bigint[]), CAST(:recordedAt AS timestamptz[]))
                               WITH ORDINALITY AS e(event_id, event_type, case_id, sequence, recorded_at, position)
                          JOIN webhook_subscription s
                            ON s.deleted_at IS NULL
                           AND e.event_type = ANY (s.event_types)
                           AND e.recorded_at >= s.created_at
                         ORDER BY e.position, s.id
                        ON CONFLICT (subscription_id, event_id) DO NOTHING
                        """)
                .param("eventIds", events.stream().map(RecordedEvent::eventId).toArray(String[]::new))
                .param("types", events.stream().map(RecordedEvent::type).toArray(String[]::new))
                .param("cases", events.stream().map(RecordedEvent::caseId).toArray(UUID[]::new))
                .param("sequences", events.stream().map(RecordedEvent::sequence).toArray(Long[]::new))
                .param("recordedAt", events.stream().map(event -> event.recordedAt().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries that are the heads of their (subscription, case)
     * queues, at most {@code perSubscription} under way per subscription, oldest due first.
     */
    List<Claim> claim(int limit, int perSubscription, Duration lease) {
        return jdbc.sql("""
                        WITH heads AS (
                            SELECT DISTINCT ON (subscription_id, case_id)
                                   id, subscription_id, next_attempt_at, claimed_until
                              FROM webhook_delivery
                             WHERE status = 'PENDING'
                             ORDER BY subscription_id, case_id, sequence
                        ),
                        busy AS (
                            SELECT subscription_id, count(*) AS in_flight
                              FROM heads
                             WHERE claimed_until > now()
                             GROUP BY subscription_id
                        ),
                        due AS (
                            SELECT h.id, coalesce(b.in_flight, 0) AS in_flight,
                                   row_number() OVER (PARTITION BY h.subscription_id
                                                      ORDER BY h.next_attempt_at, h.id) AS rank
                              FROM heads h
                              JOIN webhook_subscription s ON s.id = h.subscription_id
                              LEFT JOIN busy b ON b.subscription_id = h.subscription_id
                             WHERE s.deleted_at IS NULL
                               AND (s.paused_until IS NULL OR s.paused_until <= now())
                               AND h.next_attempt_at <= now()
                               AND (h.claimed_until IS NULL OR h.claimed_until <= now())
                        ),
                        claimable AS (
                            SELECT d.id
                              FROM webhook_delivery d
                              JOIN due ON due.id = d.id
                             WHERE due.rank + due.in_flight <= :perSubscription
                               AND d.status = 'PENDING'
                               AND d.next_attempt_at <= now()
                               AND (d.claimed_until IS NULL OR d.claimed_until <= now())
                             ORDER BY d.next_attempt_at
                             LIMIT :limit
                               FOR UPDATE OF d SKIP LOCKED
                        )
                        UPDATE webhook_delivery d
                           SET attempts = d.attempts + 1,
                               last_attempt_at = now(),
                               claimed_until = now() + make_interval(secs => :leaseSeconds)
                          FROM claimable c, webhook_subscription s
                         WHERE d.id = c.id AND s.id = d.subscription_id
                        RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.case_id, d.sequence,
                                  d.recorded_at, d.attempts, s.url, s.secret_ciphertext
                        """)
                .param("perSubscription", perSubscription)
                .param("limit", limit)
                .param("leaseSeconds", seconds(lease))
                .query((rs, n) -> claim(rs))
                .list();
    }

    /**
     * The receiver accepted the attempt (recorded even when the delivery was cancelled meanwhile:
     * it did arrive), and so its subscription is healthy. Answers whether the subscription had
     * been failing until now.
     */
    boolean delivered(Claim claim, int statusCode) {
        jdbc.sql("""
                        UPDATE webhook_delivery
                           SET status = 'DELIVERED', delivered_at = now(), claimed_until = NULL,
                               last_status_code = :statusCode, last_error = NULL
                         WHERE id = :id AND attempts = :attempt AND status <> 'DELIVERED'
                        """)
                .param("statusCode", statusCode)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update();
        return jdbc.sql("""
                        UPDATE webhook_subscription SET consecutive_failures = 0, paused_until = NULL
                         WHERE id = :id AND (consecutive_failures <> 0 OR paused_until IS NOT NULL)
                        """)
                .param("id", claim.subscriptionId())
                .update() == 1;
    }

    /**
     * The attempt failed: the delivery waits {@code retryIn} before its next attempt. Answers the
     * subscription's consecutive failures, now one more; 0 when the delivery had moved on since
     * the claim (its result is then not counted).
     */
    int failed(Claim claim, Integer statusCode, String error, Duration retryIn) {
        boolean recorded = jdbc.sql("""
                        UPDATE webhook_delivery
                           SET claimed_until = NULL, last_status_code = :statusCode, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :retrySeconds)
                         WHERE id = :id AND attempts = :attempt AND status <> 'DELIVERED'
                        """)
                .param("statusCode", statusCode)
                .param("error", error.length() > 200 ? error.substring(0, 200) : error)
                .param("retrySeconds", seconds(retryIn))
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update() == 1;
        if (!recorded) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1
                         WHERE id = :id
                        RETURNING consecutive_failures
                        """)
                .param("id", claim.subscriptionId())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** No attempt to the subscription before {@code pause} has passed (unless one succeeds meanwhile). */
    void pause(UUID subscriptionId, Duration pause) {
        jdbc.sql("""
                        UPDATE webhook_subscription
                           SET paused_until = greatest(coalesce(paused_until, now()),
                                                       now() + make_interval(secs => :pauseSeconds))
                         WHERE id = :id AND consecutive_failures > 0
                        """)
                .param("pauseSeconds", seconds(pause))
                .param("id", subscriptionId)
                .update();
    }

    /**
     * Cancels pending deliveries of deleted subscriptions that the outbox recorded while the
     * deletion was committing (the deletion cancels the others itself).
     */
    int cancelOrphans() {
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET status = 'CANCELLED'
                          FROM webhook_subscription s
                         WHERE s.id = d.subscription_id AND s.deleted_at IS NOT NULL AND d.status = 'PENDING'
                        """)
                .update();
    }

    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS pending,
                               coalesce(extract(epoch FROM now() - min(recorded_at)), 0) AS oldest_age
                          FROM webhook_delivery
                         WHERE status = 'PENDING'
                        """)
                .query((rs, n) -> new Backlog(rs.getLong("pending"),
                        Duration.ofMillis(Math.max(0, Math.round(rs.getDouble("oldest_age") * 1000)))))
                .single();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("event_id"), rs.getString("event_type"), rs.getObject("case_id", UUID.class),
                rs.getLong("sequence"), SqlTime.instant(rs, "recorded_at"), rs.getInt("attempts"),
                rs.getString("url"), rs.getBytes("secret_ciphertext"));
    }
}
