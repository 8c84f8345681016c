package org.caserecord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service as a real process: killed with SIGKILL right after acknowledging a
 * write, or in the middle of several clients' writes, started again on the same data directory.
 * Every acknowledged write must be there, the read models must catch up by themselves, and the
 * start must succeed although the killed instance left its PostgreSQL running.
 */
class CrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Path workDirectory = createWorkDirectory();
    private final Path dataDirectory = workDirectory.resolve("postgres");
    private final int port = freePort();
    private Process service;

    @Test
    void everyWriteAcknowledgedBeforeSigkillUnderLoadSurvivesAndTheServiceRestartsCleanly() throws Exception {
        service = start("first");
        HttpApi api = new HttpApi(port);
        String quietCaseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caseIds.add(api.as("ada").post("/api/cases", openCase("ada")).text("/caseId"));
        }
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        caseIds.forEach(caseId -> acknowledged.put(caseId, ConcurrentHashMap.newKeySet()));
        AtomicInteger acknowledgedCount = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int client = 0; client < 4; client++) {
                int number = client;
                clients.submit(() -> {
                    for (int write = 0; ; write++) {
                        String caseId = caseIds.get((number + write) % caseIds.size());
                        Response response;
                        try {
                            response = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
                        } catch (IllegalStateException e) {
                            return;   // the service is gone: this write may or may not have been stored
                        }
                        if (response.status() == 201) {
                            acknowledged.get(caseId).add(response.text("/meetingId"));
                            acknowledgedCount.incrementAndGet();
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedCount.get() >= 40);
            // One more write, killed the moment it is acknowledged while the clients keep writing.
            Response lastAcknowledged = api.as("ada").post("/api/cases/" + quietCaseId + "/meetings", meeting());
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(lastAcknowledged.status()).isEqualTo(201);
            acknowledged.put(quietCaseId, Set.of(lastAcknowledged.text("/meetingId")));
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            clients.shutdownNow();
        }
        service = start("second");
        assertThat(Files.readString(workDirectory.resolve("second.log"))).contains("left running by an earlier");

        for (String caseId : acknowledged.keySet()) {
            JsonNode history = api.as("ada").get("/api/cases/" + caseId + "/history?limit=500").json().at("/entries");
            Set<String> stored = new HashSet<>();
            history.forEach(entry -> stored.add(entry.at("/payload/meetingId").asString()));
            assertThat(stored).as("meetings in the event store").containsAll(acknowledged.get(caseId));
            long lastSequence = history.get(history.size() - 1).at("/sequence").asLong();
            // The read models catch up by themselves with whatever the store holds, acknowledged or not.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Response caseFile = api.as("ada").get("/api/cases/" + caseId);
                assertThat(caseFile.header("ETag")).isEqualTo("\"" + lastSequence + "\"");
                assertThat(caseFile.texts("/meetings", "meetingId")).hasSize((int) lastSequence)
                        .containsAll(acknowledged.get(caseId));
            });
        }
    }

    @Test
    void aGracefulRestartKeepsEveryCase() throws Exception {
        service = start("first");
        HttpApi api = new HttpApi(port);
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");

        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        service = start("second");

        Response caseFile = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as("ada").get("/api/cases/" + caseId), response -> response.status() == 200);
        assertThat(caseFile.text("/client/name")).isEqualTo("Jordan Rivera");
        assertThat(Files.readString(workDirectory.resolve("second.log"))).doesNotContain("left running");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private Process start(String name) throws Exception {
        Path log = workDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("caserecord.jar"),
                "--server.port=" + port,
                "--caserecord.embedded-postgres.data-directory=" + dataDirectory,
                "--caserecord.embedded-postgres.port=0",
                // The load test writes faster than one user's default allowance.
                "--caserecord.api.rate-limit.enabled=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpApi api = new HttpApi(port);
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).ignoreException(IllegalStateException.class)
                .untilAsserted(() -> {
                    assertThat(process.isAlive()).as("service exited during startup, see " + log).isTrue();
                    assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
                });
        return process;
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-crash")), "run-");
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
