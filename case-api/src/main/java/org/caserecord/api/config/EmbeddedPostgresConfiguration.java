package org.caserecord.api.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;


import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode's database: a real PostgreSQL 17 server process whose data directory persists
 * across restarts. The server runs detached from the JVM, so a service killed with SIGKILL
 * leaves it behind; the next start finds it through {@code postmaster.pid} and shuts it
 * down before starting afresh. A lock file keeps a second live service away from the same
 * data directory, so we never stop a server that another instance is using.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalMode.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STALE_SERVER_SHUTDOWN = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory.getParent());
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        try {
            stopServerLeftBehind(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(properties.startupWait())
                    // Stopped by Spring after Axon's processors, not by a JVM hook racing them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // The embedding library turns durability off for speed in tests; a case
                    // record must survive a crash, so every commit is flushed before it is acknowledged.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("timezone", "UTC");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL is running on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabase(postgres, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    /**
     * A server still running on our data directory can only be left over from a killed
     * instance (we hold the directory lock). Ask it to shut down; fast shutdown first,
     * then, if it hangs, a hard stop after which PostgreSQL recovers from its WAL.
     */
    private static void stopServerLeftBehind(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = runningPostmaster(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = server.get();
        log.warn("A PostgreSQL server (pid {}) left running by an earlier instance holds the data directory;"
                + " stopping it before starting again", postmaster.pid());
        signal(postmaster.pid(), "INT");
        if (!awaitExit(postmaster, STALE_SERVER_SHUTDOWN)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; stopping it forcibly", postmaster.pid(),
                    STALE_SERVER_SHUTDOWN);
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster, STALE_SERVER_SHUTDOWN)) {
                throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + postmaster.pid()
                        + ") that holds " + dataDirectory + "; stop it by hand and start again");
            }
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL", e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The running embedded server and the lock on its data directory, released together. */
    public record EmbeddedDatabase(EmbeddedPostgres postgres, DataDirectoryLock lock) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                postgres.close();
            } finally {
                lock.close();
            }
        }
    }

    /** An OS file lock beside the data directory, held for as long as this service uses it. */
    public static final class DataDirectoryLock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;

        private DataDirectoryLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
            Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM: another context uses the directory
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another running instance of the service uses " + dataDirectory
                        + "; stop it or configure another caserecord.embedded-postgres.data-directory");
            }
            return new DataDirectoryLock(channel, lock);
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
