package org.caserecord.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped and started again while clients keep writing: meanwhile the API answers
 * 503 with Retry-After (never 500) and health is DOWN; afterwards the service recovers by itself,
 * no acknowledged write is lost, and every stored event is in the read model exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Path DATA = createDataDirectory();
    private static final int PORT = freePort();
    private static volatile EmbeddedPostgres database = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void productionSettings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("caserecord.encryption.master-key", () -> MASTER_KEY);
        registry.add("caserecord.security.accounts[0].id", () -> "carol");
        registry.add("caserecord.security.accounts[0].roles[0]", () -> "CASE_MANAGER");
        registry.add("caserecord.security.accounts[0].password-hash",
                () -> new BCryptPasswordEncoder().encode(PASSWORD));
        registry.add("caserecord.api.rate-limit.enabled", () -> "false");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @Test
    void anOutageIsAnswered503AndTheServiceRecoversWithoutLosingAnAcknowledgedWrite() throws Exception {
        HttpApi.Request carol = new HttpApi(port).as("carol").password(PASSWORD);
        List<String> cases = List.of(carol.post("/api/cases", openCase("carol")).text("/caseId"),
                carol.post("/api/cases", openCase("carol")).text("/caseId"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = cases.stream().map(caseId -> new Thread(() -> {
            while (writing.get()) {
                Response response = carol.post("/api/cases/" + caseId + "/meetings", meeting());
                if (response.status() == 201) {
                    acknowledged.add(response.text("/meetingId"));
                } else if (response.status() == 503 && response.header("Retry-After") != null
                        && response.header("Content-Type").startsWith("application/problem+json")) {
                    unavailable.incrementAndGet();
                } else {
                    unexpected.add(response.status() + " " + response.body());
                }
            }
        })).toList();
        writers.forEach(Thread::start);
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 10);

        database.close();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> unavailable.get() >= 3);
            Response health = new HttpApi(port).anonymous().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.text("/status")).isEqualTo("DOWN");
            Response read = carol.get("/api/cases/" + cases.get(0));
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.header("Retry-After")).isNotNull();
        } finally {
            database = start();
        }

        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 10);
        writing.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(unexpected).isEmpty();
        assertThat(new HttpApi(port).anonymous().get("/actuator/health").text("/status")).isEqualTo("UP");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String caseId : cases) {
                long stored = jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                        .param(caseId).query(Long.class).single();
                assertThat(carol.get("/api/cases/" + caseId).header("ETag")).isEqualTo("\"" + stored + "\"");
            }
        });
        List<String> projected = jdbc.sql("SELECT meeting_id::text FROM case_file_meeting WHERE case_id::text IN (?, ?)")
                .params(cases.get(0), cases.get(1)).query(String.class).list();
        long storedMeetings = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE aggregate_identifier IN (?, ?) AND payload_type LIKE '%MeetingRecorded'""")
                .params(cases.get(0), cases.get(1)).query(Long.class).single();
        assertThat(projected).containsAll(acknowledged).doesNotHaveDuplicates().hasSize((int) storedMeetings);
    }

    private static String meeting() {
        return """
                {"type": "CLIENT", "occurredAt": "%s", "durationMinutes": 30}"""
                .formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start", e);
        }
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("outage-postgres");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
