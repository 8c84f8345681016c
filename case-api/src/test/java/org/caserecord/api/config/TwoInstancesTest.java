package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caserecord.api.CaseRecordApplication;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two service instances in production mode against one PostgreSQL, as two application contexts
 * in one JVM: commands on the same cases through both, the projection work split by segment
 * claims, and one instance taking over everything when the other stops. No timing is asserted;
 * deadlines are generous for a slow shared machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PASSWORD = "two instances, one database";
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final List<String> SHARED_PROCESSORS = List.of("case-file", "caseload");
    private static final int CASES = 3;
    private static final int CLIENTS = 8;
    private static final int WRITES_PER_CLIENT = 12;

    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static final List<String> caseIds = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "test-postgres"));
        database = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(directory, "two-instances-"))
                .setCleanDataDirectory(true)
                .start();
        String passwordHash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        first = start(passwordHash);
        second = start(passwordHash);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void eachInstanceWorksOnOneSegmentOfEachSharedReadModel() {
        String firstId = instanceId(first);
        String secondId = instanceId(second);

        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String processor : SHARED_PROCESSORS) {
                assertThat(owners(processor)).as(processor).containsExactlyInAnyOrder(firstId, secondId);
            }
        });
    }

    @Test
    @Order(2)
    void concurrentCommandsThroughBothInstancesAreEachAppliedOnceAndTheReadModelsConverge() throws Exception {
        for (int i = 0; i < CASES; i++) {
            Response created = api(i % 2 == 0 ? first : second).post("/api/cases", openCase("ada"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            caseIds.add(created.text("/caseId"));
        }
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        caseIds.forEach(caseId -> acknowledged.put(caseId, ConcurrentHashMap.newKeySet()));

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                running.add(clients.submit(() -> {
                    go.await();
                    Map<String, Long> lastSeenVersion = new HashMap<>();
                    for (int write = 0; write < WRITES_PER_CLIENT; write++) {
                        // Alternate instances per write and per client; every other write states the
                        // version this client last saw, which other clients have often moved past.
                        HttpApi.Request request = api((number + write) % 2 == 0 ? first : second);
                        String caseId = caseIds.get((number + write) % CASES);
                        Long version = lastSeenVersion.get(caseId);
                        if (write % 2 == 1 && version != null) {
                            request = request.header("If-Match", "\"" + version + "\"");
                        }
                        Response response = request.post("/api/cases/" + caseId + "/meetings", uniqueMeeting());
                        statuses.add(response.status());
                        if (response.status() == 201) {
                            acknowledged.get(caseId).add(response.text("/meetingId"));
                            lastSeenVersion.put(caseId, response.number("/version"));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).hasSize(CLIENTS * WRITES_PER_CLIENT)
                .allSatisfy(status -> assertThat(status).isIn(201, 409, 412));
        assertThat(statuses).contains(201);
        for (String caseId : caseIds) {
            Set<String> meetings = acknowledged.get(caseId);
            long lastSequence = meetings.size();   // the opening is sequence 0, one event per meeting
            assertThat(sequenceNumbers(caseId)).as("sequence numbers of a case")
                    .isEqualTo(contiguous(lastSequence));
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Response onFirst = api(first).get("/api/cases/" + caseId);
                Response onSecond = api(second).get("/api/cases/" + caseId);
                assertThat(onFirst.header("ETag")).isEqualTo("\"" + lastSequence + "\"");
                assertThat(Set.copyOf(onFirst.texts("/meetings", "meetingId"))).isEqualTo(meetings);
                assertThat(onSecond.json()).isEqualTo(onFirst.json());
            });
            // Applied exactly once: one row per acknowledged meeting, and both read models at the last event.
            assertThat(count("SELECT count(*) FROM case_file_meeting WHERE case_id = ?::uuid", caseId))
                    .isEqualTo(meetings.size());
            assertThat(count("SELECT version FROM case_file WHERE case_id = ?::uuid", caseId)).isEqualTo(lastSequence);
            assertThat(count("SELECT version FROM caseload_entry WHERE case_id = ?::uuid", caseId))
                    .isEqualTo(lastSequence);
        }
        assertThat(api(second, "grace").get("/api/caseloads/ada").json())
                .isEqualTo(api(first, "grace").get("/api/caseloads/ada").json());
    }

    @Test
    @Order(3)
    void theSameIdempotencyKeySentThroughBothInstancesAtOnceRecordsOneMeeting() throws Exception {
        String caseId = caseIds.get(0);
        long eventsBefore = eventCount(caseId);
        String body = uniqueMeeting();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> responses = new ArrayList<>();
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                responses.add(clients.submit(() -> {
                    go.await();
                    return api(instance).header("Idempotency-Key", "two-clients-one-meeting")
                            .post("/api/cases/" + caseId + "/meetings", body);
                }));
            }
            go.countDown();
            Response one = responses.get(0).get(2, TimeUnit.MINUTES);
            Response other = responses.get(1).get(2, TimeUnit.MINUTES);

            assertThat(one.status()).as(one.toString()).isEqualTo(201);
            assertThat(other.status()).as(other.toString()).isEqualTo(201);
            assertThat(other.text("/meetingId")).isEqualTo(one.text("/meetingId"));
            assertThat(other.number("/version")).isEqualTo(one.number("/version"));
            assertThat(eventCount(caseId)).isEqualTo(eventsBefore + 1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void whenOneInstanceStopsTheOtherTakesOverEverySegmentAndKeepsProjecting() {
        second.close();
        String firstId = instanceId(first);

        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String processor : SHARED_PROCESSORS) {
                assertThat(owners(processor)).as(processor).containsOnly(firstId).hasSize(2);
            }
        });
        for (String caseId : caseIds) {
            Response recorded = api(first).post("/api/cases/" + caseId + "/meetings", uniqueMeeting());
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Response caseFile = api(first).get("/api/cases/" + caseId);
                assertThat(caseFile.header("ETag")).isEqualTo("\"" + recorded.number("/version") + "\"");
                assertThat(caseFile.texts("/meetings", "meetingId")).contains(recorded.text("/meetingId"));
            });
        }
    }

    private static ConfigurableApplicationContext start(String passwordHash) {
        return new SpringApplicationBuilder(CaseRecordApplication.class).run(
                // Arguments, not default properties: application.yml outranks those.
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.config.import=optional:file:/nonexistent/accounts.yml",
                "--server.port=0",
                "--caserecord.encryption.master-key=" + MASTER_KEY,
                "--caserecord.api.rate-limit.enabled=false",
                "--caserecord.security.accounts[0].id=ada",
                "--caserecord.security.accounts[0].roles[0]=CASE_MANAGER",
                "--caserecord.security.accounts[0].password-hash=" + passwordHash,
                "--caserecord.security.accounts[1].id=grace",
                "--caserecord.security.accounts[1].roles[0]=SUPERVISOR",
                "--caserecord.security.accounts[1].password-hash=" + passwordHash);
    }

    private static HttpApi.Request api(ConfigurableApplicationContext instance) {
        return api(instance, "ada");
    }

    private static HttpApi.Request api(ConfigurableApplicationContext instance, String user) {
        int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new HttpApi(port).as(user).password(PASSWORD);
    }

    private static String instanceId(ConfigurableApplicationContext instance) {
        return instance.getBean(ServiceInstances.class).instanceId();
    }

    /** A meeting at a distinct time, so two writes never carry the same body by accident. */
    private static String uniqueMeeting() {
        return meeting(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS), 30);
    }

    private static List<Long> contiguous(long last) {
        List<Long> numbers = new ArrayList<>();
        for (long n = 0; n <= last; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    private static List<Long> sequenceNumbers(String caseId) throws SQLException {
        try (Connection connection = database.getPostgresDatabase().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                             + " ORDER BY sequence_number")) {
            statement.setString(1, caseId);
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getLong(1));
                }
            }
            return numbers;
        }
    }

    private static long eventCount(String caseId) throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", caseId);
    }

    private static long count(String sql, String caseId) throws SQLException {
        try (Connection connection = database.getPostgresDatabase().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, caseId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> owners(String processor) throws SQLException {
        try (Connection connection = database.getPostgresDatabase().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT owner FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            statement.setString(1, processor);
            List<String> owners = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
            return owners;
        }
    }
}
