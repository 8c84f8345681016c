package org.caserecord.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound notifications against receivers inside the test (the JDK's HTTP server on loopback):
 * signed, thin, retried, in order per case, isolated per subscriber, only what was subscribed to,
 * nothing from before a subscription existed and nothing after it was deleted.
 */
@ApiTest
class WebhookHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String SECRET = "whsec-4f9c2b7e1a8d6350c9e2f1a7b3d8c6e5";
    /** Personal data that must never leave the service in a notification. */
    private static final String CLIENT_NAME = "Philippa Quennell-Marchbanks";
    private static final String NOTES = "disclosed relapse after the custody hearing";

    private final HttpApi api;
    private final StreamingEventProcessor outbox;
    private final JdbcClient jdbc;
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();

    WebhookHttpTest(HttpApi api, @Autowired EventProcessingConfiguration processing, @Autowired JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.outbox = processing.eventProcessor(WebhookOutbox.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    @AfterEach
    void removeSubscriptionsAndReceivers() {
        subscriptions.forEach(url -> api.as("grace").method("DELETE", url));
        receivers.forEach(WebhookReceiver::close);
    }

    // --- managing subscriptions -------------------------------------------------------------

    @Test
    void supervisorsAndRecordsOfficersManageSubscriptionsAndNeverSeeTheSecret() throws IOException {
        WebhookReceiver receiver = receiver();

        Response created = api.as("grace").post("/api/subscriptions", subscription(receiver.url(),
                "MeetingRecorded", "CaseClosed", "MeetingRecorded"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.header("Location");
        subscriptions.add(url);
        assertThat(url).isEqualTo("/api/subscriptions/" + created.text("/id"));
        assertThat(created.text("/url")).isEqualTo(receiver.url());
        assertThat(created.json().at("/eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("MeetingRecorded", "CaseClosed");
        assertThat(created.text("/createdBy")).isEqualTo("grace");
        assertThat(created.text("/deletedAt")).isNull();
        Response read = api.as("rita").get(url);
        Response listed = api.as("grace").get("/api/subscriptions");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/id")).isEqualTo(created.text("/id"));
        assertThat(listed.status()).isEqualTo(200);
        for (Response response : List.of(created, read, listed)) {
            assertThat(response.body()).doesNotContain(SECRET).doesNotContain("secret");
        }
        assertThat(api.as("rita").get("/api/subscriptions").texts("/subscriptions", "id"))
                .contains(created.text("/id"));
        assertThat(api.as("rita").get(url + "/deliveries").json().at("/deliveries")).isEmpty();

        Response deleted = api.as("rita").method("DELETE", url);

        assertThat(deleted.status()).isEqualTo(204);
        Response afterwards = api.as("grace").get(url);
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.text("/deletedBy")).isEqualTo("rita");
        assertThat(afterwards.text("/deletedAt")).isNotNull();
        assertThat(api.as("grace").get("/api/subscriptions").texts("/subscriptions", "id"))
                .doesNotContain(created.text("/id"));
        assertThat(api.as("grace").get(url + "/deliveries").status()).isEqualTo(200);
        Response again = api.as("grace").method("DELETE", url);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        Response unknown = api.as("grace").get("/api/subscriptions/8a3c1f0e-4b6d-4e2a-9c7f-1d2e3f4a5b6c");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/type")).endsWith("subscription-not-found");
        assertThat(api.as("grace").get("/api/subscriptions/8a3c1f0e-4b6d-4e2a-9c7f-1d2e3f4a5b6c/deliveries")
                .status()).isEqualTo(404);
    }

    @Test
    void aRetriedCreationWithItsIdempotencyKeyCreatesOneSubscription() throws IOException {
        String body = subscription(receiver().url(), "CaseClosed");

        Response first = api.as("rita").header("Idempotency-Key", "subscribe-" + body.hashCode()).post(
                "/api/subscriptions", body);
        Response retry = api.as("rita").header("Idempotency-Key", "subscribe-" + body.hashCode()).post(
                "/api/subscriptions", body);

        subscriptions.add(first.header("Location"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retry.body()).doesNotContain(SECRET);
        assertThat(api.as("rita").get("/api/subscriptions").texts("/subscriptions", "url"))
                .containsOnlyOnce(first.text("/url"));
    }

    @Test
    void theApiDocumentDescribesSubscriptions() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().at("/paths");

        assertThat(paths.propertyNames()).contains("/api/subscriptions", "/api/subscriptions/{subscriptionId}",
                "/api/subscriptions/{subscriptionId}/deliveries");
        JsonNode create = paths.at("/~1api~1subscriptions/post");
        assertThat(create.at("/responses").propertyNames()).contains("201", "400", "403", "415", "422")
                .doesNotContain("409", "412");
        assertThat(create.at("/parameters").valueStream().map(parameter -> parameter.at("/name").asString()))
                .contains("Idempotency-Key").doesNotContain("If-Match");
        assertThat(paths.at("/~1api~1subscriptions~1{subscriptionId}/delete/responses").propertyNames())
                .contains("204", "403", "404");
    }

    @Test
    void otherRolesMayNeitherSeeNorChangeSubscriptions() throws IOException {
        String url = subscribe(receiver(), "CaseOpened");

        for (String user : List.of("ada", "ida", "bill")) {
            for (Response refused : List.of(api.as(user).get("/api/subscriptions"), api.as(user).get(url),
                    api.as(user).get(url + "/deliveries"), api.as(user).method("DELETE", url),
                    api.as(user).post("/api/subscriptions", subscription("https://example.org/hook", "CaseOpened")))) {
                assertThat(refused.status()).as(user + " " + refused).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        assertThat(api.anonymous().get("/api/subscriptions").status()).isEqualTo(401);
        assertThat(api.as("grace").get(url).text("/deletedAt")).isNull();
    }

    @Test
    void badSubscriptionsAre400AndStoreNothing() {
        int before = api.as("grace").get("/api/subscriptions").json().at("/subscriptions").size();
        String good = "http://localhost:9/hooks";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"url\": \"" + good + "\", \"eventTypes\": [\"CaseOpened\"]}", "secret");
        bad.put(subscription(good, "short-secret", List.of("CaseOpened")), "secret");
        bad.put(subscription(good, SECRET + " with spaces", List.of("CaseOpened")), "secret");
        bad.put(subscription(good, SECRET, List.of("CaseOpened", "PatientAdmitted")), "eventTypes");
        bad.put(subscription(good, SECRET, List.of()), "eventTypes");
        bad.put("{\"url\": \"" + good + "\", \"secret\": \"" + SECRET + "\"}", "eventTypes");
        bad.put(subscription("ftp://localhost/hooks", SECRET, List.of("CaseOpened")), "url");
        bad.put(subscription("http://receiver.example.org/hooks", SECRET, List.of("CaseOpened")), "url");
        bad.put(subscription("https://user:pass@receiver.example.org/hooks", SECRET, List.of("CaseOpened")), "url");
        bad.put(subscription("https://receiver.example.org/hooks#part", SECRET, List.of("CaseOpened")), "url");
        bad.put(subscription("/hooks", SECRET, List.of("CaseOpened")), "url");
        bad.put(subscription("https://receiver.example.org/" + "a".repeat(2048), SECRET, List.of("CaseOpened")), "url");
        bad.put("{\"eventTypes\": [\"CaseOpened\"], \"secret\": \"" + SECRET + "\"}", "url");
        bad.put(subscription(good, SECRET, List.of("CaseOpened")).replace("}", ", \"active\": true}"), "active");
        bad.put("{\"url\": \"" + good + "\", ", null);
        for (Map.Entry<String, String> request : bad.entrySet()) {
            Response refused = api.as("grace").post("/api/subscriptions", request.getKey());

            assertThat(refused.status()).as(request.getKey()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain(SECRET).doesNotContain("receiver.example.org");
            if (request.getValue() != null) {
                assertThat(refused.texts("/errors", "field")).as(refused.toString()).containsExactly(request.getValue());
            }
        }
        Response unknownType = api.as("grace").post("/api/subscriptions",
                subscription(good, SECRET, List.of("PatientAdmitted")));
        assertThat(unknownType.text("/errors/0/message")).contains("case event type").contains("MeetingRecorded");
        assertThat(api.as("grace").get("/api/subscriptions").json().at("/subscriptions").size()).isEqualTo(before);
    }

    // --- deliveries ---------------------------------------------------------------------------

    @Test
    void deliveriesAreSignedAndNameTheEventWithoutAnyPersonalData() throws IOException {
        WebhookReceiver receiver = receiver();
        String subscription = subscribe(receiver, "CaseOpened", "MeetingRecorded");

        String caseId = openCase();
        recordMeeting(caseId);

        List<WebhookReceiver.Received> deliveries = awaitAccepted(receiver, caseId, 2);
        String subscriptionId = subscription.substring(subscription.lastIndexOf('/') + 1);
        for (WebhookReceiver.Received delivery : deliveries) {
            assertThat(verifiesAsTheReadmeSays(SECRET, delivery.header("CaseRecord-Signature"), delivery.body()))
                    .as(delivery.toString()).isTrue();
            assertThat(verifiesAsTheReadmeSays("another-secret-of-enough-length-0123456789",
                    delivery.header("CaseRecord-Signature"), delivery.body())).isFalse();
            assertThat(verifiesAsTheReadmeSays(SECRET, delivery.header("CaseRecord-Signature"),
                    delivery.body().replace("\"sequence\":", "\"sequence\": "))).isFalse();
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivery.header("User-Agent")).startsWith("CaseRecord-Webhooks/");
            JsonNode body = JSON.readTree(delivery.body());
            assertThat(body.propertyNames())
                    .containsExactly("id", "subscriptionId", "eventId", "type", "caseId", "sequence", "recordedAt");
            assertThat(body.at("/id").asString()).isEqualTo(delivery.header("CaseRecord-Delivery"));
            assertThat(body.at("/subscriptionId").asString()).isEqualTo(subscriptionId);
            assertThat(Instant.parse(body.at("/recordedAt").asString())).isBefore(Instant.now());
            String everything = delivery.headers() + delivery.body();
            assertThat(everything).doesNotContain(CLIENT_NAME).doesNotContain("Quennell").doesNotContain(NOTES)
                    .doesNotContain("relapse").doesNotContain("1987-");
        }
        assertThat(deliveries).extracting(delivery -> JSON.readTree(delivery.body()).at("/type").asString())
                .containsExactly("CaseOpened", "MeetingRecorded");
        assertThat(deliveries).extracting(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong())
                .containsExactly(0L, 1L);
        // The history names the same event.
        String meetingEvent = JSON.readTree(deliveries.get(1).body()).at("/eventId").asString();
        assertThat(api.as("grace").get("/api/cases/" + caseId + "/history").body()).contains(meetingEvent);
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode log = api.as("grace").get(subscription + "/deliveries").json().at("/deliveries");
            assertThat(log).hasSize(2);
            assertThat(log.at("/0/type").asString()).isEqualTo("MeetingRecorded"); // newest first
            log.forEach(entry -> {
                assertThat(entry.at("/status").asString()).isEqualTo("DELIVERED");
                assertThat(entry.at("/attempts").asInt()).isEqualTo(1);
                assertThat(entry.at("/lastStatusCode").asInt()).isEqualTo(200);
                assertThat(entry.at("/caseId").asString()).isEqualTo(caseId);
            });
        });
    }

    @Test
    void onlySubscribedEventTypesAreDelivered() throws IOException {
        WebhookReceiver receiver = receiver();
        subscribe(receiver, "MeetingRecorded");

        String caseId = openCase();
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/referrals", """
                {"provider": {"name": "Eastside Housing", "type": "HOUSING"}, "reason": "housing", "urgency": "ROUTINE"}
                """).status()).isEqualTo(201);
        recordMeeting(caseId);

        // One case's deliveries arrive in order: had the case's opening or the referral been sent,
        // it would have arrived before the meeting.
        List<WebhookReceiver.Received> deliveries = awaitAccepted(receiver, caseId, 1);
        assertThat(JSON.readTree(deliveries.get(0).body()).at("/type").asString()).isEqualTo("MeetingRecorded");
        assertThat(JSON.readTree(deliveries.get(0).body()).at("/sequence").asLong()).isEqualTo(2);
        assertThat(forCase(receiver.received(), caseId)).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRetriedAndOneCasesEventsArriveInOrder() throws IOException {
        WebhookReceiver receiver = receiver().failNext(2);
        String subscription = subscribe(receiver, "MeetingRecorded");

        String caseId = openCase();
        for (int i = 0; i < 4; i++) {
            recordMeeting(caseId);
        }

        List<WebhookReceiver.Received> accepted = awaitAccepted(receiver, caseId, 4);
        assertThat(accepted).extracting(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L);
        // Nothing of the case was ever sent ahead of an earlier event that had not been accepted yet.
        List<Long> sent = forCase(receiver.received(), caseId).stream()
                .map(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong()).toList();
        assertThat(sent).as(WebhookReceiver.lines(receiver.received()).toString()).isSorted();
        assertThat(sent).hasSizeGreaterThan(4);
        // A retry is the same delivery: same id, same body, signed anew.
        List<WebhookReceiver.Received> first = forCase(receiver.received(), caseId).stream()
                .filter(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong() == 1).toList();
        assertThat(first).extracting(WebhookReceiver.Received::body).containsOnly(first.get(0).body());
        assertThat(first).extracting(delivery -> delivery.header("CaseRecord-Delivery"))
                .containsOnly(first.get(0).header("CaseRecord-Delivery"));
        first.forEach(delivery -> assertThat(verifiesAsTheReadmeSays(SECRET, delivery.header("CaseRecord-Signature"),
                delivery.body())).isTrue());
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode log = api.as("grace").get(subscription + "/deliveries?status=DELIVERED").json().at("/deliveries");
            assertThat(log).hasSize(4);
            JsonNode oldest = log.get(3);
            assertThat(oldest.at("/sequence").asLong()).isEqualTo(1);
            assertThat(oldest.at("/attempts").asInt()).isGreaterThan(1);
            assertThat(oldest.at("/lastStatusCode").asInt()).isEqualTo(200);
            assertThat(oldest.at("/lastError").isNull()).isTrue();
        });
    }

    @Test
    void aReceiverThatIsDownHoldsUpNeitherCommandsNorOtherSubscribersAndGetsWhatItMissedWhenBack()
            throws IOException {
        WebhookReceiver down = receiver();
        WebhookReceiver up = receiver();
        String downSubscription = subscribe(down, "CaseOpened", "MeetingRecorded");
        subscribe(up, "CaseOpened", "MeetingRecorded");
        down.goDown();

        String caseId = openCase();
        for (int i = 0; i < 3; i++) {
            recordMeeting(caseId);
        }

        assertThat(awaitAccepted(up, caseId, 4))
                .extracting(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode pending = api.as("grace").get(downSubscription + "/deliveries?status=PENDING").json();
            assertThat(pending.at("/deliveries")).hasSize(4);
            JsonNode head = pending.at("/deliveries/3");
            assertThat(head.at("/sequence").asLong()).isEqualTo(0);
            assertThat(head.at("/attempts").asInt()).isGreaterThan(1);
            assertThat(head.at("/lastError").asString()).isEqualTo("connection refused or host unreachable");
            // Later events of the case wait for the first: never attempted while it is pending.
            assertThat(pending.at("/deliveries/0/attempts").asInt()).isZero();
        });
        assertThat(api.as("grace").get(downSubscription).json().at("/consecutiveFailures").asInt()).isPositive();

        down.comeBack();

        assertThat(awaitAccepted(down, caseId, 4))
                .extracting(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(api.as("grace").get(downSubscription).json().at("/consecutiveFailures").asInt()).isZero());
    }

    @Test
    void aReceiverThatNeverAnswersTakesNothingFromAnotherSubscriber() throws IOException {
        WebhookReceiver hanging = receiver();
        WebhookReceiver up = receiver();
        String hangingSubscription = subscribe(hanging, "MeetingRecorded");
        subscribe(up, "MeetingRecorded");
        hanging.hang();

        // More cases than a subscription may have attempts under way at once.
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = openCase();
            recordMeeting(caseId);
            cases.add(caseId);
        }

        for (String caseId : cases) {
            assertThat(awaitAccepted(up, caseId, 1)).hasSize(1);
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(
                api.as("grace").get(hangingSubscription + "/deliveries?status=PENDING").json().at("/deliveries"))
                .anySatisfy(entry -> assertThat(entry.at("/lastError").asString())
                        .isEqualTo("no answer within the request timeout")));

        hanging.release();

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(
                api.as("grace").get(hangingSubscription + "/deliveries?status=DELIVERED").json().at("/deliveries"))
                .hasSize(cases.size()));
    }

    @Test
    void deletingASubscriptionStopsItsDeliveries() throws IOException {
        WebhookReceiver deletedReceiver = receiver();
        WebhookReceiver witness = receiver();
        String deleted = subscribe(deletedReceiver, "CaseOpened", "MeetingRecorded");
        subscribe(witness, "CaseOpened", "MeetingRecorded");
        deletedReceiver.goDown();
        String caseId = openCase();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(api.as("grace").get(deleted + "/deliveries")
                .json().at("/deliveries/0/attempts").asInt()).isPositive());

        assertThat(api.as("grace").method("DELETE", deleted).status()).isEqualTo(204);
        subscriptions.remove(deleted);
        deletedReceiver.comeBack();
        recordMeeting(caseId);

        // The witness has the meeting, so the outbox has seen it: nothing was recorded for the
        // deleted subscription, and what it was owed is cancelled, never to be attempted again.
        awaitAccepted(witness, caseId, 2);
        JsonNode log = api.as("grace").get(deleted + "/deliveries").json().at("/deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.at("/0/type").asString()).isEqualTo("CaseOpened");
        assertThat(log.at("/0/status").asString()).isEqualTo("CANCELLED");
        assertThat(log.at("/0/nextAttemptAt").isNull()).isTrue();
        assertThat(forCase(deletedReceiver.accepted(), caseId)).isEmpty();
    }

    @Test
    void aSubscriptionReceivesNoEventRecordedBeforeItWasCreatedEvenWhenTheOutboxIsBehind() throws IOException {
        outbox.shutdownAsync().join();
        String caseId;
        String subscription;
        WebhookReceiver receiver = receiver();
        try {
            caseId = openCase();
            recordMeeting(caseId);
            subscription = subscribe(receiver, "CaseOpened", "MeetingRecorded");
            recordMeeting(caseId);
        } finally {
            outbox.start();
        }

        List<WebhookReceiver.Received> deliveries = awaitAccepted(receiver, caseId, 1);
        assertThat(JSON.readTree(deliveries.get(0).body()).at("/sequence").asLong()).isEqualTo(2);
        assertThat(forCase(receiver.received(), caseId)).hasSize(1);
        assertThat(api.as("grace").get(subscription + "/deliveries").json().at("/deliveries")).hasSize(1);
    }

    @Test
    void resettingTheOutboxAddsOnlyTheDeliveriesThatAreMissing() throws IOException {
        WebhookReceiver receiver = receiver();
        String subscription = subscribe(receiver, "CaseOpened", "MeetingRecorded");
        String caseId = openCase();
        recordMeeting(caseId);
        recordMeeting(caseId);
        awaitAccepted(receiver, caseId, 3);
        // As if the outbox had never seen the first meeting.
        assertThat(jdbc.sql("DELETE FROM webhook_delivery WHERE case_id = CAST(:caseId AS uuid) AND sequence = 1")
                .param("caseId", caseId).update()).isEqualTo(1);

        outbox.shutdownAsync().join();
        try {
            outbox.resetTokens();
        } finally {
            outbox.start();
        }
        recordMeeting(caseId);

        // The outbox reads the events again from the subscription's creation: it adds the missing
        // delivery, nothing for those already recorded, then the new meeting's.
        awaitAccepted(receiver, caseId, 5);
        assertThat(forCase(receiver.received(), caseId))
                .extracting(delivery -> JSON.readTree(delivery.body()).at("/sequence").asLong())
                .containsExactly(0L, 1L, 2L, 1L, 3L);
        assertThat(api.as("grace").get(subscription + "/deliveries").texts("/deliveries", "sequence"))
                .containsExactly("3", "1", "2", "0");
    }

    @Test
    void theDeliveryLogIsPagedNewestFirst() throws IOException {
        WebhookReceiver receiver = receiver();
        String subscription = subscribe(receiver, "MeetingRecorded");
        String caseId = openCase();
        for (int i = 0; i < 3; i++) {
            recordMeeting(caseId);
        }
        awaitAccepted(receiver, caseId, 3);

        Response first = api.as("grace").get(subscription + "/deliveries?limit=2");
        Response second = api.as("grace").get(subscription + "/deliveries?limit=2&before=" + first.text("/nextBefore"));

        assertThat(first.texts("/deliveries", "sequence")).containsExactly("3", "2");
        assertThat(second.texts("/deliveries", "sequence")).containsExactly("1");
        assertThat(second.text("/nextBefore")).isNull();
        assertThat(api.as("grace").get(subscription + "/deliveries?status=PENDING").json().at("/deliveries"))
                .isEmpty();
        for (String query : List.of("?limit=0", "?limit=201", "?status=LOST", "?before=x")) {
            Response refused = api.as("grace").get(subscription + "/deliveries" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    // --- what a receiver does (README "Notifications (webhooks)") --------------------------------

    /**
     * The README's receiver steps: take t and v1 from the header, compute HMAC-SHA256 with the
     * secret over t + "." + the raw body, compare in constant time, and refuse a timestamp more than
     * five minutes away from now.
     */
    static boolean verifiesAsTheReadmeSays(String secret, String header, String rawBody) {
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0].strip(), pair.length == 2 ? pair[1].strip() : "");
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal((t + "." + rawBody)
                    .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, parts.getOrDefault("v1", "").getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private WebhookReceiver receiver() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private String subscribe(WebhookReceiver receiver, String... eventTypes) {
        Response created = api.as("grace").post("/api/subscriptions", subscription(receiver.url(), eventTypes));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptions.add(created.header("Location"));
        return created.header("Location");
    }

    private static String subscription(String url, String... eventTypes) {
        return subscription(url, SECRET, List.of(eventTypes));
    }

    private static String subscription(String url, String secret, List<String> eventTypes) {
        return JSON.writeValueAsString(Map.of("url", url, "eventTypes", eventTypes, "secret", secret));
    }

    private String openCase() {
        Response opened = api.as("ada").post("/api/cases", """
                {"client": {"name": "%s", "dateOfBirth": "1987-11-23"}, "caseManagerId": "ada",
                 "openedOn": "2026-01-05", "referralSource": "county hospital", "presentingConcerns": "%s"}
                """.formatted(CLIENT_NAME, NOTES));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("/caseId");
    }

    private void recordMeeting(String caseId) {
        Response recorded = api.as("ada").post("/api/cases/" + caseId + "/meetings", """
                {"type": "CLIENT", "occurredAt": "%s", "durationMinutes": 50,
                 "attendees": [{"name": "%s", "role": "client"}], "notes": "%s"}
                """.formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), CLIENT_NAME,
                NOTES));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** Waits (up to a deadline) until the receiver has accepted {@code count} deliveries of the case. */
    private static List<WebhookReceiver.Received> awaitAccepted(WebhookReceiver receiver, String caseId, int count) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> forCase(receiver.accepted(), caseId), accepted -> accepted.size() >= count);
    }

    private static List<WebhookReceiver.Received> forCase(List<WebhookReceiver.Received> requests, String caseId) {
        return requests.stream()
                .filter(request -> caseId.equals(JSON.readTree(request.body()).at("/caseId").asString()))
                .toList();
    }
}
