package org.caserecord.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the service against what its PostgreSQL can do, in one run on one database:
 * saturated command throughput against raw JDBC inserts of event-shaped rows, latency at
 * half that rate (open model, coordinated-omission corrected) against raw inserts at the same
 * rate, projection lag, a long case against a short one (commands, and reads rebuilt from the
 * event store against raw reads of its rows), replay, sealing of the audit trail's hash chains,
 * growth, and a correctness check. Prints a table and writes JSON to benchmark-results/. See
 * docs/benchmarks.md.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 16;
    private static final int CASES = 200;
    private static final String NOTES = "x".repeat(780);
    /** Sequential reads per measurement of figure 5's second half, after unmeasured warm-up reads. */
    private static final int READS = 200;
    private static final int READ_WARM_UP = 20;

    private final ServiceProcess service;
    private final Duration duration;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(64)).build();
    private final String authorization;
    private final String adminAuthorization;
    private final String auditorAuthorization;
    private final long storedEvents;
    private final List<String> cases = new ArrayList<>();
    /** A case the fill of figure 3 stored by SQL, whose hash chain the last correctness check verifies. */
    private String filledCase;
    /** Every meeting the service acknowledged with 201: case id → meeting ids. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Benchmark(ServiceProcess service, Duration duration, String password, long storedEvents) {
        this.service = service;
        this.duration = duration;
        this.authorization = basic("ada", password);
        this.adminAuthorization = basic("rita", password);
        this.auditorAuthorization = basic("ida", password);
        this.storedEvents = storedEvents;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("benchmark.serviceJar"));
        Path output = Path.of(System.getProperty("benchmark.outputDirectory", "benchmark-results"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getProperty("benchmark.durationSeconds", "20")));
        String databaseUrl = System.getProperty("benchmark.databaseUrl", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path work = output.resolve("run-" + stamp);
        System.out.println("Starting the service (" + (databaseUrl.isBlank() ? "embedded PostgreSQL" : databaseUrl)
                + "); work directory " + work);
        try (ServiceProcess service = ServiceProcess.start(jar, work, databaseUrl,
                System.getProperty("benchmark.databaseUser", "postgres"),
                System.getProperty("benchmark.databasePassword", ""))) {
            long storedEvents = Long.parseLong(System.getProperty("benchmark.storedEvents", "1000000"));
            Benchmark benchmark = new Benchmark(service, duration, databaseUrl.isBlank() ? "demo" : "benchmark",
                    storedEvents);
            benchmark.run();
            Path json = output.resolve("benchmark-" + stamp + ".json");
            Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(benchmark.results));
            System.out.println("Results written to " + json);
        }
        // The embedded database of a run holds gigabytes; its service.log stays.
        Path database = work.resolve("postgres");
        if (Files.exists(database) && !Boolean.getBoolean("benchmark.keepDatabase")) {
            try (var paths = Files.walk(database)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private void run() throws Exception {
        results.put("date", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version")));
        results.put("durationSecondsPerPhase", duration.toSeconds());
        prepareCases();
        prepareRawTable();
        // Warm the JIT and the pools on cases of their own.
        saturatedCommands(openCases());

        double firstCommandsPerSecond = saturatedCommands(cases);
        double rawRowsPerSecond = saturatedRawInserts();

        double rate = Math.max(1, firstCommandsPerSecond / 2);
        Histogram lag = new Histogram(3_600_000_000L, 3);
        Histogram commandLatency = openModelCommands(rate, lag);
        Histogram rawLatency = openModelRawInserts(rate);
        results.put("2 command latency at " + Math.round(rate) + "/s (ms)", Map.of(
                "p50", ms(commandLatency, 50), "p99", ms(commandLatency, 99), "p99.9", ms(commandLatency, 99.9),
                "rawP50", ms(rawLatency, 50), "rawP99", ms(rawLatency, 99), "rawP99.9", ms(rawLatency, 99.9),
                "target", "p99 <= 20 ms", "met", ms(commandLatency, 99) <= 20));
        results.put("4 projection lag p99 at half rate (ms)", Map.of("p50", ms(lag, 50), "p99", ms(lag, 99),
                "samples", lag.getTotalCount(), "target", "p99 <= 250 ms", "met", ms(lag, 99) <= 250));

        longCases();
        // The service keeps getting faster for minutes as the JIT compiles it; figure 1 is
        // measured again now, warm and still on a small store, for itself and for figure 6.
        double commandsPerSecond = saturatedCommands(openCases());
        put("1 command throughput (commands/s)", commandsPerSecond, rawRowsPerSecond, 0.3, true);
        ((Map<String, Object>) results.get("1 command throughput (commands/s)"))
                .put("firstRunWhileWarmingUp", round(firstCommandsPerSecond));
        results.put("correctness after figures 1-5", correctness());

        long sealedBeforeFill = scalar("SELECT count(*) FROM event_seal");
        long fillStarted = System.nanoTime();
        long events = storeEvents(storedEvents);
        // The audit-seal processor seals every stored copy; the replay is measured only once it is done.
        sealing(events, sealedBeforeFill, fillStarted);
        replay(events);
        growth(commandsPerSecond, events);
        results.put("correctness after replay and growth", correctness());
        print();
    }

    // --- preparation ---------------------------------------------------------------------

    private void prepareCases() throws Exception {
        cases.addAll(openCases());
    }

    private List<String> openCases() throws Exception {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            HttpResponse<String> created = post("/api/cases", """
                    {"client": {"name": "Benchmark Client %d", "dateOfBirth": "1980-01-01"},
                     "caseManagerId": "ada", "openedOn": "2026-01-01"}""".formatted(i));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not open a case: " + created.statusCode());
            }
            opened.add(JSON.readTree(created.body()).get("caseId").asString());
        }
        return opened;
    }

    private void prepareRawTable() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            // Same columns and constraints as the event table, but its own sequence: sharing the
            // event table's would leave the event store full of gaps for the processors to track.
            statement.execute("""
                    CREATE TABLE bench_raw_event (
                        global_index         bigserial    PRIMARY KEY,
                        event_identifier     varchar(255) NOT NULL UNIQUE,
                        meta_data            bytea,
                        payload              bytea        NOT NULL,
                        payload_revision     varchar(255),
                        payload_type         varchar(255) NOT NULL,
                        time_stamp           varchar(255) NOT NULL,
                        aggregate_identifier varchar(255) NOT NULL,
                        sequence_number      bigint       NOT NULL,
                        type                 varchar(255),
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    // --- figure 1 ----------------------------------------------------------------------------

    private double saturatedCommands(List<String> onCases) throws Exception {
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        runClients(() -> {
            while (System.nanoTime() < end) {
                if (recordMeeting(onCases.get(ThreadLocalRandom.current().nextInt(onCases.size()))) != null) {
                    ok.incrementAndGet();
                }
            }
        });
        return ok.get() / (double) duration.toSeconds();
    }

    private double saturatedRawInserts() throws Exception {
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        runClients(() -> {
            try (Connection connection = connect(); PreparedStatement insert = rawInsert(connection)) {
                String aggregate = UUID.randomUUID().toString();
                long sequence = 0;
                while (System.nanoTime() < end) {
                    bindRaw(insert, aggregate, sequence++);
                    insert.executeUpdate();
                    rows.incrementAndGet();
                }
            }
        });
        return rows.get() / (double) duration.toSeconds();
    }

    // --- figures 2 and 4 -------------------------------------------------------------------

    /** Requests start on a fixed schedule; latency counts from the scheduled start (open model). */
    private Histogram openModelCommands(double rate, Histogram lag) throws Exception {
        Recorder latency = new Recorder(3);
        ExecutorService workers = Executors.newFixedThreadPool(64);
        LagWatcher watcher = new LagWatcher(lag);
        Thread watching = new Thread(watcher, "projection-lag-watcher");
        watching.start();
        long start = System.nanoTime();
        long requests = (long) (rate * duration.toSeconds());
        for (long i = 0; i < requests; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            sleepUntil(intended);
            boolean sample = i % 5 == 0;
            workers.execute(() -> {
                String caseId = randomCase();
                Long version = recordMeeting(caseId);
                long answered = System.nanoTime();
                latency.recordValue(answered - intended);
                if (sample && version != null) {
                    watcher.watch(caseId, version, answered);
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        watcher.finish();
        watching.join(TimeUnit.SECONDS.toMillis(60));
        return latency.getIntervalHistogram();
    }

    /**
     * Watches sampled commands until the caseload read model shows their version, with one
     * query every few milliseconds for all pending samples (polling per sample would load the
     * database and queue the measurements themselves).
     */
    private final class LagWatcher implements Runnable {
        private record Pending(String caseId, long version, long answered) {
        }

        private final Histogram lag;
        private final List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean finishing;

        LagWatcher(Histogram lag) {
            this.lag = lag;
        }

        void watch(String caseId, long version, long answered) {
            pending.add(new Pending(caseId, version, answered));
        }

        void finish() {
            finishing = true;
        }

        @Override
        public void run() {
            long giveUp = Long.MAX_VALUE;
            try (Connection connection = connect();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT case_id::text, version FROM caseload_entry WHERE case_id::text = ANY (?)")) {
                while (!(finishing && pending.isEmpty()) && System.nanoTime() < giveUp) {
                    if (finishing && giveUp == Long.MAX_VALUE) {
                        giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    }
                    List<Pending> snapshot;
                    synchronized (pending) {
                        snapshot = new ArrayList<>(pending);
                    }
                    if (!snapshot.isEmpty()) {
                        query.setArray(1, connection.createArrayOf("text",
                                snapshot.stream().map(Pending::caseId).distinct().toArray()));
                        Map<String, Long> versions = new java.util.HashMap<>();
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                versions.put(rs.getString(1), rs.getLong(2));
                            }
                        }
                        long now = System.nanoTime();
                        for (Pending p : snapshot) {
                            if (versions.getOrDefault(p.caseId(), -1L) >= p.version()) {
                                lag.recordValue(now - p.answered());
                                pending.remove(p);
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Histogram openModelRawInserts(double rate) throws Exception {
        Recorder latency = new Recorder(3);
        int threads = 16;
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long requests = (long) (rate * duration.toSeconds());
        for (long i = 0; i < requests; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            sleepUntil(intended);
            workers.execute(() -> {
                try {
                    PreparedStatement insert = statements.get();
                    if (insert == null) {
                        Connection connection = connect();
                        opened.add(connection);
                        insert = rawInsert(connection);
                        statements.set(insert);
                    }
                    bindRaw(insert, UUID.randomUUID().toString(), 0);
                    insert.executeUpdate();
                    latency.recordValue(System.nanoTime() - intended);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        for (Connection connection : opened) {
            connection.close();
        }
        return latency.getIntervalHistogram();
    }

    // --- figure 5 ----------------------------------------------------------------------------

    private void longCases() throws Exception {
        String longCase = cases.get(0);
        int events = currentVersion(longCase);
        while (events < 1000) {
            Long version = recordMeeting(longCase);
            events = version == null ? events : version.intValue();
        }
        String shortCase = openCase();
        long shortVersion = 0;
        for (int i = 0; i < 9; i++) {
            Long version = recordMeeting(shortCase);
            shortVersion = version == null ? shortVersion : version;
        }
        // Reads first, while the cases still hold ~1,000 and 10 events (the commands below add 200 to each).
        Map<String, Object> reads = longCaseReads(longCase, events, shortCase, shortVersion);
        Histogram onLong = sequentialLatency(longCase, 200);
        Histogram onShort = sequentialLatency(shortCase, 200);
        double ratio = ms(onLong, 50) / Math.max(0.001, ms(onShort, 50));
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("longP50", ms(onLong, 50));
        figure.put("shortP50", ms(onShort, 50));
        figure.put("ratio", round(ratio));
        figure.put("target", "<= 1.5");
        figure.put("met", ratio <= 1.5);
        figure.put("reads", reads);
        results.put("5 long case: command p50 on 1,000 events vs 10 (ms)", figure);
    }

    /**
     * The second half of figure 5: the long case read from the read model, and the long and short
     * case rebuilt from the event store at their last version ({@code ?version=}), against one
     * JDBC query reading every row of the long case. Sequential requests, each preceded by
     * unmeasured warm-up requests.
     */
    private Map<String, Object> longCaseReads(String longCase, long longVersion, String shortCase, long shortVersion)
            throws Exception {
        String rebuildLong = "/api/cases/" + longCase + "?version=" + longVersion;
        String rebuildShort = "/api/cases/" + shortCase + "?version=" + shortVersion;
        expectVersion(rebuildLong, longVersion);
        expectVersion(rebuildShort, shortVersion);
        expectVersion("/api/cases/" + longCase, longVersion);
        Histogram readModel = sequentialReads("/api/cases/" + longCase);
        Histogram rebuiltLong = sequentialReads(rebuildLong);
        Histogram rebuiltShort = sequentialReads(rebuildShort);
        Histogram raw = rawCaseReads(longCase, longVersion + 1);
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("eventsLong", longVersion + 1);
        reads.put("eventsShort", shortVersion + 1);
        reads.put("requestsEach", READS);
        reads.put("readModelLong", percentiles(readModel));
        reads.put("rebuildLong", percentiles(rebuiltLong));
        reads.put("rebuildShort", percentiles(rebuiltShort));
        reads.put("rawSelectLong", percentiles(raw));
        reads.put("rebuildVsRawP50", round(ms(rebuiltLong, 50) / Math.max(0.001, ms(raw, 50))));
        reads.put("rebuildVsReadModelP50", round(ms(rebuiltLong, 50) / Math.max(0.001, ms(readModel, 50))));
        return reads;
    }

    /** Fails unless the case read at {@code path} answers 200 with the given version. */
    private void expectVersion(String path, long version) throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200 || JSON.readTree(read.body()).get("version").asLong() != version) {
            throw new IllegalStateException("GET " + path + " answered " + read.statusCode()
                    + " without version " + version);
        }
    }

    private Histogram sequentialReads(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60)).build();
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < READ_WARM_UP + READS; i++) {
            long start = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            long elapsed = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException("GET " + path + " answered " + status);
            }
            if (i >= READ_WARM_UP) {
                histogram.recordValue(elapsed);
            }
        }
        return histogram;
    }

    /** What the event store reads for a rebuild, done directly: every row of the case in order. */
    private Histogram rawCaseReads(String caseId, long expectedRows) throws Exception {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        try (Connection connection = connect()) {
            for (int i = 0; i < READ_WARM_UP + READS; i++) {
                long start = System.nanoTime();
                long rows = 0;
                try (PreparedStatement query = connection.prepareStatement("""
                        SELECT event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                               payload_revision, payload, meta_data
                          FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
                    query.setString(1, caseId);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            // Every column taken out of the row, as the event store's reader does.
                            long bytes = rs.getString(1).length() + rs.getString(2).length() + rs.getLong(3)
                                    + rs.getString(4).length() + rs.getString(5).length() + rs.getString(6).length()
                                    + String.valueOf(rs.getString(7)).length() + rs.getBytes(8).length
                                    + rs.getBytes(9).length;
                            rows += bytes > 0 ? 1 : 0;
                        }
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (rows < expectedRows) {
                    throw new IllegalStateException("Read " + rows + " rows of case " + caseId + ", expected "
                            + expectedRows);
                }
                if (i >= READ_WARM_UP) {
                    histogram.recordValue(elapsed);
                }
            }
        }
        return histogram;
    }

    private static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> percentiles = new LinkedHashMap<>();
        percentiles.put("p50", ms(histogram, 50));
        percentiles.put("p99", ms(histogram, 99));
        return percentiles;
    }

    private Histogram sequentialLatency(String caseId, int commands) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < commands; i++) {
            long start = System.nanoTime();
            recordMeeting(caseId);
            histogram.recordValue(System.nanoTime() - start);
        }
        return histogram;
    }

    // --- figures 3 and 6 ----------------------------------------------------------------------

    /**
     * Fills the store up to the given number of events with cases of 100 events (an opening and
     * 99 meetings), copies of a case the service recorded itself, each encrypted under a data key of
     * its own ({@link EventStoreFill}). Answers the number of events stored.
     */
    private long storeEvents(long target) throws Exception {
        UUID template = UUID.fromString(cases.get(1));
        long already = scalar("SELECT count(*) FROM domain_event_entry");
        int newCases = Math.toIntExact(Math.max(0, (target - already + EventStoreFill.EVENTS_PER_CASE - 1)
                / EventStoreFill.EVENTS_PER_CASE));
        System.out.printf("Storing %,d more events (%,d cases of %d) ...%n",
                (long) newCases * EventStoreFill.EVENTS_PER_CASE, newCases, EventStoreFill.EVENTS_PER_CASE);
        long start = System.nanoTime();
        List<UUID> stored;
        try (Connection connection = connect()) {
            stored = new EventStoreFill(new PhiEnvelopes(service.masterKey())).store(connection, template, newCases);
        }
        long events = scalar("SELECT count(*) FROM domain_event_entry");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Stored: %,d events in the store (%.0f s)%n", events, seconds);
        if (!stored.isEmpty()) {
            filledCase = stored.get(stored.size() - 1).toString();
        }
        return events;
    }

    /**
     * Figure 7: the audit-seal processor seals every stored copy (it starts while the fill runs).
     * Waits until every event has its seal, polling the seal count every second; the event table
     * is counted again only when the seals reach its count (counting a gigabyte every second would
     * load the machine being measured). The rate counts the events still unsealed when the fill
     * ended over the time it took to seal them; the read models project the same events meanwhile.
     * Then, with the service idle, the same work done plainly with JDBC ({@link RawSealing}).
     */
    private void sealing(long events, long sealedBeforeFill, long fillStarted) throws Exception {
        long start = System.nanoTime();
        long sealedAtFillEnd = scalar("SELECT count(*) FROM event_seal");
        System.out.printf("Sealing: %,d of %,d events sealed when the fill ended; waiting for the rest ...%n",
                sealedAtFillEnd, events);
        long deadline = start + TimeUnit.MINUTES.toNanos(60);
        long total = events;
        long sealed = sealedAtFillEnd;
        long errorSince = 0;
        long lastProgress = start;
        long sealedAtLastProgress = sealed;
        Double readModelsCaughtUp = null;
        while (true) {
            if (sealed >= total) {
                total = scalar("SELECT count(*) FROM domain_event_entry");
                if (sealed == total) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Sealing did not catch up within 60 minutes: " + sealed + " of "
                        + total + " events sealed");
            }
            Thread.sleep(1000);
            sealed = scalar("SELECT count(*) FROM event_seal");
            long now = System.nanoTime();
            Map<String, JsonNode> statuses = processorStatuses();
            if (readModelsCaughtUp == null && readModelsCaughtUp(statuses)) {
                readModelsCaughtUp = (now - start) / 1e9;
            }
            JsonNode sealer = statuses.get("audit-seal");
            errorSince = sealer != null && sealer.get("error").asBoolean() ? (errorSince == 0 ? now : errorSince) : 0;
            if (errorSince != 0 && now - errorSince > TimeUnit.SECONDS.toNanos(60)) {
                throw new IllegalStateException("The audit-seal processor has been in error for a minute at "
                        + sealed + " of " + total + " events sealed; see service.log");
            }
            if (now - lastProgress >= TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("Sealing: %,d of %,d events sealed (%,.0f/s over the last %.0f s; read models %s)%n",
                        sealed, total, (sealed - sealedAtLastProgress) / ((now - lastProgress) / 1e9),
                        (now - lastProgress) / 1e9, readModelsCaughtUp == null ? "still projecting" : "at the head");
                lastProgress = now;
                sealedAtLastProgress = sealed;
            }
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("Sealed: all %,d events (%.0f s after the fill)%n", total, seconds);
        // Rarely the sealer keeps up with the fill; then the rate is taken over the fill and after it.
        boolean afterFill = total - sealedAtFillEnd >= Math.max(1000, (total - sealedBeforeFill) / 10);
        double service = afterFill ? (total - sealedAtFillEnd) / seconds
                : (total - sealedBeforeFill) / ((end - fillStarted) / 1e9);
        if (readModelsCaughtUp == null) {
            awaitReadModelsCaughtUp();
        }
        long rawEvents;
        long rawStart;
        long rawEnd;
        long rawMatchingSeals;
        try (Connection reader = connect(); Connection writer = connect()) {
            RawSealing.createTable(writer);
            rawStart = System.nanoTime();
            rawEvents = RawSealing.sealAll(reader, writer);
            rawEnd = System.nanoTime();
            rawMatchingSeals = scalar("""
                    SELECT count(*) FROM bench_raw_seal r
                      JOIN event_seal s USING (aggregate_identifier, sequence_number)
                     WHERE r.chain_hash = s.chain_hash""");
            writer.setAutoCommit(true);
            RawSealing.dropTable(writer);
        }
        double raw = rawEvents / ((rawEnd - rawStart) / 1e9);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("events", total);
        figure.put("sealedWhileFilling", sealedAtFillEnd - sealedBeforeFill);
        figure.put("sealedAfterFill", total - sealedAtFillEnd);
        figure.put("secondsAfterFill", round(seconds));
        figure.put("measuredOver", afterFill ? "after the fill" : "the fill and after it");
        figure.put("readModelsCaughtUpAfterSeconds", readModelsCaughtUp == null ? "later" : round(readModelsCaughtUp));
        figure.put("service", round(service));
        figure.put("rawBaseline", round(raw));
        figure.put("rawBaselineEvents", rawEvents);
        figure.put("rawChainsEqualSeals", rawMatchingSeals == rawEvents);
        figure.put("ratio", round(service / raw));
        results.put("7 sealing rate (events/s)", figure);
    }

    /** The processors' statuses from the service, by name (the read models and audit-seal). */
    private Map<String, JsonNode> processorStatuses() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/admin/projections"))
                .header("Authorization", adminAuthorization).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> statuses = new LinkedHashMap<>();
        if (response.statusCode() == 200) {
            for (JsonNode status : JSON.readTree(response.body())) {
                statuses.put(status.get("name").asString(), status);
            }
        }
        return statuses;
    }

    /**
     * Both read models have processed up to the newest stored event. Not the caughtUp flag: a
     * segment keeps it while new events arrive, so it says nothing about events stored by SQL.
     */
    private static boolean readModelsCaughtUp(Map<String, JsonNode> statuses) {
        return atHead(statuses.get("case-file")) && atHead(statuses.get("caseload"));
    }

    private static boolean atHead(JsonNode status) {
        return status != null && !status.get("replaying").asBoolean() && status.path("position").isNumber()
                && status.path("headPosition").isNumber()
                && status.path("position").asLong() >= status.path("headPosition").asLong();
    }

    /** The end of a replay, as figure 3 has always detected it. */
    private static boolean caughtUp(JsonNode status) {
        return status != null && !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean();
    }

    /** So that the raw baseline of figure 7 and the replay of figure 3 run on an idle service. */
    private void awaitReadModelsCaughtUp() throws Exception {
        System.out.println("Waiting for the read models to project the stored events ...");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (readModelsCaughtUp(processorStatuses())) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The read models did not catch up within 30 minutes");
    }

    /**
     * Figure 3: both read models emptied and rebuilt at once through the service's replay
     * endpoint, against one sequential JDBC read of the same rows.
     */
    private void replay(long events) throws Exception {
        System.out.printf("Replaying both read models from %,d events ...%n", events);
        long start = System.nanoTime();
        for (String projection : List.of("case-file", "caseload")) {
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("/api/admin/projections/" + projection
                            + "/replay")).header("Authorization", adminAuthorization)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("Replay of " + projection + " refused: " + accepted.statusCode()
                        + " " + accepted.body());
            }
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (seconds.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            // The list also holds the audit-seal processor, which is never replayed.
            Map<String, JsonNode> statuses = processorStatuses();
            for (String projection : List.of("case-file", "caseload")) {
                if (!seconds.containsKey(projection) && caughtUp(statuses.get(projection))) {
                    seconds.put(projection, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        if (seconds.size() < 2) {
            throw new IllegalStateException("The replay did not finish within 30 minutes");
        }
        double slowest = Collections.max(seconds.values());
        double replayed = events / slowest;
        double raw = sequentialRead();
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("events", events);
        figure.put("secondsUntilCaughtUp", seconds.entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), round(e.getValue())), Map::putAll));
        figure.put("service", round(replayed));
        figure.put("rawBaseline", round(raw));
        figure.put("ratio", round(replayed / raw));
        figure.put("target", "ratio >= 0.15");
        figure.put("met", replayed / raw >= 0.15);
        results.put("3 replay of both read models (events/s)", figure);
    }

    /** Reads every stored event row in order, as Axon's event stream does, and consumes the bytes. */
    private double sequentialRead() throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery("""
                        SELECT global_index, event_identifier, meta_data, payload, payload_revision, payload_type,
                               time_stamp, aggregate_identifier, sequence_number, type
                          FROM domain_event_entry ORDER BY global_index""")) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getBytes(3).length + rs.getBytes(4).length + rs.getString(2).length()
                                + rs.getString(8).length();
                    }
                }
            }
            connection.commit();
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read");
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    /** Figure 6: figure 1 again, on fresh cases, with the store now holding {@code events}. */
    private void growth(double onSmallStore, long events) throws Exception {
        List<String> fresh = openCases();
        double onLargeStore = saturatedCommands(fresh);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("eventsStored", events);
        figure.put("commandsPerSecond", round(onLargeStore));
        figure.put("commandsPerSecondOnSmallStore", round(onSmallStore));
        figure.put("ratio", round(onLargeStore / onSmallStore));
        figure.put("target", "ratio >= 0.8");
        figure.put("met", onLargeStore / onSmallStore >= 0.8);
        results.put("6 growth: figure 1 with the store full", figure);
    }

    // --- correctness -----------------------------------------------------------------------

    /**
     * Every acknowledged meeting is stored and reflected exactly once in the read models, every
     * stored event has exactly one seal, and the service verifies the hash chains of the long case
     * and (after the fill) of a case the fill stored.
     */
    private Map<String, Object> correctness() throws Exception {
        long ackCount = acknowledged.values().stream().mapToLong(Set::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long behind;
        do {
            behind = scalar("""
                    SELECT count(*) FROM (SELECT aggregate_identifier, max(sequence_number) AS last
                                            FROM domain_event_entry GROUP BY aggregate_identifier) s
                      LEFT JOIN caseload_entry c ON c.case_id::text = s.aggregate_identifier
                      LEFT JOIN case_file f ON f.case_id::text = s.aggregate_identifier
                     WHERE c.version IS DISTINCT FROM s.last OR f.version IS DISTINCT FROM s.last""");
            if (behind > 0) {
                Thread.sleep(200);
            }
        } while (behind > 0 && System.nanoTime() < deadline);
        long storedMeetings = scalar("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%MeetingRecorded'");
        long readModelMeetings = scalar("SELECT count(*) FROM case_file_meeting");
        long missing = 0;
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM case_file_meeting WHERE meeting_id = ?::uuid")) {
            for (Set<String> meetings : acknowledged.values()) {
                for (String meetingId : meetings) {
                    query.setString(1, meetingId);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        missing += rs.getLong(1) == 1 ? 0 : 1;
                    }
                }
            }
        }
        Map<String, Object> seals = seals();
        boolean ok = behind == 0 && missing == 0 && storedMeetings >= ackCount && readModelMeetings == storedMeetings
                && Boolean.TRUE.equals(seals.get("ok"));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("acknowledgedMeetings", ackCount);
        check.put("meetingEventsInStore", storedMeetings);
        check.put("meetingsInCaseFile", readModelMeetings);
        check.put("acknowledgedButMissingFromReadModel", missing);
        check.put("casesWhoseReadModelsLagTheStore", behind);
        check.put("seals", seals);
        check.put("ok", ok);
        return check;
    }

    /**
     * Once the sealer has reached the newest event: as many seals as events and no event without
     * one (event_seal's unique event_identifier makes that exactly one each), and the service's
     * own verification of chosen cases' chains, asked as an auditor.
     */
    private Map<String, Object> seals() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long unsealedTail;
        do {
            unsealedTail = scalar("""
                    SELECT count(*) FROM domain_event_entry
                     WHERE global_index > (SELECT coalesce(max(global_index), -1) FROM event_seal)""");
            if (unsealedTail > 0) {
                Thread.sleep(200);
            }
        } while (unsealedTail > 0 && System.nanoTime() < deadline);
        long events = scalar("SELECT count(*) FROM domain_event_entry");
        long sealCount = scalar("SELECT count(*) FROM event_seal");
        long withoutSeal = scalar("""
                SELECT count(*) FROM domain_event_entry e
                 WHERE NOT EXISTS (SELECT 1 FROM event_seal s WHERE s.event_identifier = e.event_identifier)""");
        Map<String, Object> verified = new LinkedHashMap<>();
        for (String caseId : filledCase == null ? List.of(cases.get(0)) : List.of(cases.get(0), filledCase)) {
            verified.put(caseId, chainVerified(caseId));
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("eventsInStore", events);
        check.put("seals", sealCount);
        check.put("eventsWithoutSeal", withoutSeal);
        check.put("chainVerifiedByService", verified);
        check.put("ok", events == sealCount && withoutSeal == 0
                && verified.values().stream().allMatch(Boolean.TRUE::equals));
        return check;
    }

    /** GET /api/audit/verification?caseId= as the auditor: true only for 200 with verified true. */
    private boolean chainVerified(String caseId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/audit/verification?caseId=" + caseId))
                .header("Authorization", auditorAuthorization).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("Verification of case " + caseId + " answered " + response.statusCode() + ": "
                    + response.body());
            return false;
        }
        return JSON.readTree(response.body()).get("verified").asBoolean();
    }

    // --- helpers -----------------------------------------------------------------------------

    private String openCase() throws Exception {
        HttpResponse<String> created = post("/api/cases", """
                {"client": {"name": "Benchmark Client", "dateOfBirth": "1980-01-01"}, "openedOn": "2026-01-01"}""");
        return JSON.readTree(created.body()).get("caseId").asString();
    }

    private int currentVersion(String caseId) throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/api/cases/" + caseId))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(read.body()).get("version").asInt();
    }

    /** Records a ~1 KB meeting; answers the new case version, or null if it was not acknowledged. */
    private Long recordMeeting(String caseId) {
        try {
            HttpResponse<String> response = post("/api/cases/" + caseId + "/meetings", """
                    {"type": "CLIENT", "occurredAt": "2026-01-20T15:00:00Z", "durationMinutes": 45,
                     "attendees": [{"name": "Benchmark Client", "role": "client"}], "notes": "%s"}"""
                    .formatted(NOTES));
            if (response.statusCode() != 201) {
                return null;
            }
            JsonNode body = JSON.readTree(response.body());
            acknowledged.computeIfAbsent(caseId, id -> ConcurrentHashMap.newKeySet())
                    .add(body.get("meetingId").asString());
            return body.get("version").asLong();
        } catch (Exception e) {
            return null;
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port + path);
    }

    private String randomCase() {
        return cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(service.jdbcUrl, service.jdbcUser, service.jdbcPassword);
    }

    private static PreparedStatement rawInsert(Connection connection) throws Exception {
        return connection.prepareStatement("""
                INSERT INTO bench_raw_event (event_identifier, meta_data, payload, payload_revision, payload_type,
                                             time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)""");
    }

    private static final byte[] RAW_PAYLOAD = ("{\"notes\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_METADATA = "{\"actor\":\"ada\",\"actorRoles\":[\"CASE_MANAGER\"]}"
            .getBytes(StandardCharsets.UTF_8);

    private static void bindRaw(PreparedStatement insert, String aggregate, long sequence) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, RAW_METADATA);
        insert.setBytes(3, RAW_PAYLOAD);
        insert.setString(4, "org.caserecord.domain.events.MeetingRecorded");
        insert.setString(5, Instant.now().toString());
        insert.setString(6, aggregate);
        insert.setLong(7, sequence);
        insert.setString(8, "CaseFile");
    }

    private long scalar(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Client {
        void run() throws Exception;
    }

    private static void runClients(Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            futures.add(pool.submit(() -> {
                client.run();
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void put(String name, double measured, double baseline, double target, boolean higherIsBetter) {
        double ratio = measured / Math.max(0.001, baseline);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("service", round(measured));
        figure.put("rawBaseline", round(baseline));
        figure.put("ratio", round(ratio));
        figure.put("target", "ratio >= " + target);
        figure.put("met", higherIsBetter ? ratio >= target : ratio <= target);
        results.put(name, figure);
    }

    private static double ms(Histogram histogram, double percentile) {
        return round(histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void print() {
        System.out.println();
        System.out.println("=== Case Record Service benchmark ===");
        results.forEach((name, value) -> System.out.printf("%-55s %s%n", name, value));
    }
}
