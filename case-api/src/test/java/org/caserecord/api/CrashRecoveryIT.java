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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a real process: killed with SIGKILL right after acknowledging a
 * write, started again on the same data directory. The acknowledged write must be there,
 * and the start must succeed although the killed instance left its PostgreSQL running.
 */
class CrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Path workDirectory = createWorkDirectory();
    private final Path dataDirectory = workDirectory.resolve("postgres");
    private final int port = freePort();
    private Process service;

    @Test
    void aWriteAcknowledgedJustBeforeSigkillSurvivesAndTheServiceRestartsCleanly() throws Exception {
        service = start("first");
        HttpApi api = new HttpApi(port);
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        Response acknowledged = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        assertThat(acknowledged.status()).isEqualTo(201);

        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        service = start("second");

        // The read models converge by themselves; on a busy machine that may take a moment.
        Response caseFile = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as("ada").get("/api/cases/" + caseId), response -> response.status() == 200);
        assertThat(caseFile.header("ETag")).isEqualTo("\"1\"");
        assertThat(caseFile.text("/meetings/0/meetingId")).isEqualTo(acknowledged.text("/meetingId"));
        assertThat(api.as("ada").get("/api/cases/" + caseId + "/history").json().at("/entries").size())
                .isEqualTo(2);
        assertThat(Files.readString(workDirectory.resolve("second.log"))).contains("left running by an earlier");
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
                "--caserecord.embedded-postgres.port=0"))
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
