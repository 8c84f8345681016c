package org.caserecord.api.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.caserecord.api.crypto.SealedSecrets;
import org.caserecord.api.web.SafeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends pending deliveries (docs/webhooks.md). One thread polls the queue, woken at once when the
 * outbox records deliveries or an attempt ends, and at the poll interval otherwise (for retries
 * and other instances' work). Each claimed delivery is posted with the JDK's asynchronous HTTP
 * client, which holds no thread while a receiver takes its time; a deadline cancels any exchange
 * that outlasts the connect and request timeouts. The outcome is recorded by a small pool of
 * threads: 2xx delivers, anything else (another status, a timeout, a refused connection) waits
 * for a retry with exponential backoff and pauses the subscription, so a receiver that is down is
 * not hammered and holds up no one else. Logs name subscriptions and deliveries by id, never URLs
 * or anything a receiver answered beyond its status.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String USER_AGENT = "CaseRecord-Webhooks/1";
    static final String DELIVERY_HEADER = "CaseRecord-Delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(5);

    /** How an attempt ended, as the metrics count it. */
    enum Outcome {
        DELIVERED, REJECTED, TIMED_OUT, CONNECTION_FAILED, FAILED;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** The request body: which event happened where and when, nothing of its content. */
    record Notification(UUID id, UUID subscriptionId, String eventId, String type, UUID caseId, long sequence,
                        Instant recordedAt) {
    }

    private final DeliveryQueue queue;
    private final SealedSecrets secrets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<Outcome, Timer> attempts = new EnumMap<>(Outcome.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private volatile Instant housekeepingDue = Instant.MIN;
    private volatile boolean running;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService workers;
    private volatile HttpClient client;

    WebhookDispatcher(DeliveryQueue queue, SealedSecrets webhookSecrets, WebhookProperties properties, Clock clock,
                      MeterRegistry meters) {
        this.queue = queue;
        this.secrets = webhookSecrets;
        this.properties = properties;
        this.clock = clock;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax());
        for (Outcome outcome : Outcome.values()) {
            attempts.put(outcome, Timer.builder("caserecord.webhooks.attempts")
                    .description("Attempts to deliver a notification to a subscriber, by how they ended")
                    .tag("outcome", outcome.tag())
                    .register(meters));
        }
        Gauge.builder("caserecord.webhooks.pending", pending, AtomicLong::get)
                .description("Deliveries not yet accepted by their receivers (all instances; refreshed every few seconds)")
                .register(meters);
        TimeGauge.builder("caserecord.webhooks.pending.oldest.age", oldestPendingMillis, TimeUnit.MILLISECONDS,
                        AtomicLong::get)
                .description("How long ago the event of the oldest pending delivery was recorded")
                .register(meters);
        Gauge.builder("caserecord.webhooks.in.flight", inFlight, AtomicInteger::get)
                .description("Attempts this instance has under way")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!properties.enabled()) {
            log.info("Sending webhook deliveries is disabled on this instance (caserecord.webhooks.enabled); "
                    + "they are recorded and wait for an instance that sends");
            return;
        }
        workers = Executors.newFixedThreadPool(properties.threads(), threads("webhook-sender-"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("webhook-dispatcher-"));
        client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(workers)
                .build();
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops claiming, then waits a bounded time for attempts under way to end and be recorded.
     * An attempt cut short leaves its claim to lapse: the delivery is attempted again later (the
     * receiver may see it twice, and dedupes on the delivery id).
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        long deadline = System.nanoTime() + properties.connectTimeout().plus(properties.requestTimeout()).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.shutdownNow();
        poller = null;
        workers = null;
        client = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wake() {
        ScheduledExecutorService current = poller;
        if (!running || current == null || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        } catch (RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
    }

    private void poll() {
        if (!running) {
            return;
        }
        try {
            housekeeping();
            int free = properties.maxInFlight() - inFlight.get();
            if (free > 0) {
                queue.claim(free, properties.maxInFlightPerSubscription(), properties.claimLease()).forEach(this::send);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for webhook deliveries failed; trying again at the next poll: {}", SafeLog.describe(e));
        }
    }

    /** Every few seconds: cancel what deleted subscriptions were still owed, refresh the backlog gauges. */
    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isBefore(housekeepingDue)) {
            return;
        }
        housekeepingDue = now.plus(HOUSEKEEPING_INTERVAL);
        queue.cancelOrphans();
        DeliveryQueue.Backlog backlog = queue.backlog();
        pending.set(backlog.pending());
        oldestPendingMillis.set(backlog.oldestAge().toMillis());
    }

    private void send(DeliveryQueue.Claim claim) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(new Notification(claim.id(), claim.subscriptionId(),
                    claim.eventId(), claim.eventType(), claim.caseId(), claim.sequence(), claim.recordedAt()));
            String signature = WebhookSignature.header(secrets.open(claim.subscriptionId(), claim.sealedSecret()),
                    clock.instant().getEpochSecond(), body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(DELIVERY_HEADER, claim.id().toString())
                    .header(WebhookSignature.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            // Completes with the status line and headers; the body is never read.
            CompletableFuture<HttpResponse<InputStream>> exchange =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            ScheduledFuture<?> deadline = poller.schedule(() -> exchange.cancel(true),
                    properties.connectTimeout().plus(properties.requestTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            exchange.whenCompleteAsync((response, failure) -> {
                deadline.cancel(false);
                finish(claim, response, failure, started);
            }, workers);
        } catch (RuntimeException e) {
            finish(claim, null, e, started);
        }
    }

    private void finish(DeliveryQueue.Claim claim, HttpResponse<InputStream> response, Throwable failure,
                        long started) {
        try {
            Integer status = null;
            Outcome outcome;
            String error;
            if (failure == null) {
                status = response.statusCode();
                closeQuietly(response.body());
                outcome = status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.REJECTED;
                error = outcome == Outcome.DELIVERED ? null : "HTTP " + status
                        + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
            } else {
                Throwable cause = unwrap(failure);
                outcome = outcome(cause);
                error = describe(cause);
            }
            attempts.get(outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (outcome == Outcome.DELIVERED) {
                if (queue.delivered(claim, status)) {
                    log.info("Webhook subscription {} accepts deliveries again", claim.subscriptionId());
                }
            } else {
                recordFailure(claim, status, error);
            }
        } catch (RuntimeException e) {
            // The claim lapses and the delivery is attempted again.
            log.error("Recording webhook delivery {} failed: {}", claim.id(), SafeLog.describe(e));
        } finally {
            inFlight.decrementAndGet();
            wake();
        }
    }

    private void recordFailure(DeliveryQueue.Claim claim, Integer status, String error) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int failures = queue.failed(claim, status, error, backoff.after(claim.attempt(), random::nextDouble));
        if (failures == 0) {
            return;
        }
        Duration pause = backoff.after(failures, random::nextDouble);
        queue.pause(claim.subscriptionId(), pause);
        if (failures == 1) {
            log.warn("Webhook subscription {} fails to accept deliveries ({}); retrying with backoff",
                    claim.subscriptionId(), error);
        } else {
            log.debug("Webhook delivery {} to subscription {} failed ({}), {} failures in a row; paused for {}",
                    claim.id(), claim.subscriptionId(), error, failures, pause);
        }
    }

    private static Outcome outcome(Throwable cause) {
        if (cause instanceof HttpTimeoutException || cause instanceof CancellationException) {
            return Outcome.TIMED_OUT;
        }
        if (cause instanceof IOException) {
            return Outcome.CONNECTION_FAILED;
        }
        return Outcome.FAILED;
    }

    /** The service's own words for a failure: never an exception message, which may quote the URL. */
    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof CancellationException) {
            return "no answer within the request timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or host unreachable";
        }
        if (cause instanceof SSLException) {
            return "TLS failure (" + cause.getClass().getSimpleName() + ")";
        }
        if (cause instanceof IOException) {
            return "connection failed (" + cause.getClass().getSimpleName() + ")";
        }
        if (cause instanceof SealedSecrets.UnreadableSecretException) {
            return "the subscription's secret cannot be read with the configured master key";
        }
        return "not sent (" + cause.getClass().getSimpleName() + ")";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
