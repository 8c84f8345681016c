package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ApiTest
class PreconditionsAndIdempotencyHttpTest {

    private static final String MEETING = meeting(Instant.parse("2026-01-10T10:00:00Z"), 30);

    private final HttpApi api;
    String caseUrl;

    PreconditionsAndIdempotencyHttpTest(HttpApi api) {
        this.api = api;
    }

    @BeforeEach
    void setUp() {
        caseUrl = "/api/cases/" + api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
    }

    private int eventCount() {
        return api.as("ada").get(caseUrl + "/history").json().at("/entries").size();
    }

    @Test
    void aWriteWithTheCurrentVersionInIfMatchSucceeds() {
        Response recorded = api.as("ada").header("If-Match", "\"0\"").post(caseUrl + "/meetings", MEETING);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void staleIfMatchIsRejectedWith412AndAppendsNothing() {
        api.as("ada").post(caseUrl + "/meetings", MEETING);

        Response stale = api.as("ada").header("If-Match", "\"0\"").post(caseUrl + "/meetings", MEETING);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void anIfMatchAheadOfTheCaseIsRejectedWith412() {
        Response ahead = api.as("ada").header("If-Match", "\"7\"").post(caseUrl + "/meetings", MEETING);

        assertThat(ahead.status()).isEqualTo(412);
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void aMalformedIfMatchIs400() {
        assertThat(api.as("ada").header("If-Match", "W/\"0\"").post(caseUrl + "/meetings", MEETING).status())
                .isEqualTo(400);
        assertThat(api.as("ada").header("If-Match", "zero").post(caseUrl + "/meetings", MEETING).status())
                .isEqualTo(400);
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void theETagOfAReadCanGuardTheNextWrite() {
        String etag = api.as("ada").get(caseUrl).header("ETag");

        assertThat(api.as("ada").header("If-Match", etag).post(caseUrl + "/meetings", MEETING).status())
                .isEqualTo(201);
        assertThat(api.as("ada").header("If-Match", etag).post(caseUrl + "/meetings", MEETING).status())
                .isEqualTo(412);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAndBodyReplaysTheFirstResponseAndAppendsNothing() {
        String key = UUID.randomUUID().toString();
        Response first = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", MEETING);
        Response retry = api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", MEETING);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/meetingId")).isEqualTo(first.text("/meetingId"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aRetryOfCaseCreationDoesNotOpenASecondCase() {
        String key = UUID.randomUUID().toString();
        Response first = api.as("ada").header("Idempotency-Key", key).post("/api/cases", openCase("ada"));
        Response retry = api.as("ada").header("Idempotency-Key", key).post("/api/cases", openCase("ada"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/caseId")).isEqualTo(first.text("/caseId"));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422AndAppendsNothing() {
        String key = UUID.randomUUID().toString();
        api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", MEETING);

        Response other = api.as("ada").header("Idempotency-Key", key)
                .post(caseUrl + "/meetings", meeting(Instant.parse("2026-01-11T10:00:00Z"), 30));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(2);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String future = meeting(Instant.now().plusSeconds(86_400), 30);
        assertThat(api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", future).status())
                .isEqualTo(400);

        assertThat(api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", MEETING).status())
                .isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyAppendOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.as("ada").header("Idempotency-Key", key).post(caseUrl + "/meetings", MEETING));
            }
            List<String> meetingIds = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                assertThat(result.get().status()).isEqualTo(201);
                meetingIds.add(result.get().text("/meetingId"));
            }
            assertThat(meetingIds).containsOnly(meetingIds.get(0));
            assertThat(eventCount()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritesToOneCaseAllLandWithContiguousVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> api.as("ada").post(caseUrl + "/meetings", MEETING));
            }
            List<Long> versions = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(201);
                versions.add(result.get().number("/version"));
            }
            assertThat(versions).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L,
                    14L, 15L, 16L);
            assertThat(eventCount()).isEqualTo(17);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInvalidIdempotencyKeyIs400() {
        Response response = api.as("ada").header("Idempotency-Key", "x".repeat(300)).post(caseUrl + "/meetings",
                MEETING);

        assertThat(response.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(1);
    }
}
