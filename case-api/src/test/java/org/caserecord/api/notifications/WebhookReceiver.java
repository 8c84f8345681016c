package org.caserecord.api.notifications;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver of webhook deliveries inside the test: the JDK's HTTP server on a free loopback port.
 * It records every request it gets (headers, raw body, and the status it answered), answers 200,
 * and can be told to answer 503 to the next requests, to hold requests without answering, or to
 * go away entirely and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received; {@code status} is what the receiver answered (0: never answered). */
    record Received(Map<String, String> headers, String body, int status) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final int port;
    private HttpServer server;

    WebhookReceiver() throws IOException {
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/case-events";
    }

    /** Answers the next {@code count} requests with 503. */
    WebhookReceiver failNext(int count) {
        failuresToGo.set(count);
        return this;
    }

    /** Takes requests in but answers none of them until {@link #release()}. */
    void hang() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    /** Closes the port: connections are refused. */
    synchronized void goDown() {
        server.stop(0);
    }

    /** Listens on the same port again, as soon as the port is free (polled, with a deadline). */
    synchronized void comeBack() {
        server = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> start(port), started -> true);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @Override
    public synchronized void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpServer start(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        created.createContext("/", this::handle);
        created.setExecutor(executor);
        created.start();
        return created;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            try {
                if (!hold.await(30, TimeUnit.SECONDS)) {
                    received.add(new Received(headers, body, 0));
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            // Recorded before answering, so the list is in the order the answers were given.
            Received request = new Received(headers, body, status);
            received.add(request);
            byte[] answer = (status == 200 ? "ok" : "try later").getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.getResponseBody().flush();
            } catch (IOException senderGaveUp) {
                for (int i = 0; i < received.size(); i++) {
                    if (received.get(i) == request) {
                        received.set(i, new Received(headers, body, 0));
                    }
                }
            }
        }
    }

    static List<String> lines(List<Received> requests) {
        List<String> lines = new ArrayList<>();
        requests.forEach(request -> lines.add(request.status() + " " + request.body()));
        return lines;
    }
}
