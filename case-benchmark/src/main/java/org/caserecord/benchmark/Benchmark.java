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
 * rate, projection lag, a long case against a short one, and a correctness check. Prints a
 * table and writes JSON to benchmark-results/. See docs/benchmarks.md.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 16;
    private static final int CASES = 200;
    private static final String NOTES = "x".repeat(780);

    private final ServiceProcess service;
    private final Duration duration;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(64)).build();
    private final String authorization;
    private final String adminAuthorization;
    private final long storedEvents;
    private final List<String> cases = new ArrayList<>();
    /** Every meeting the service acknowledged with 201: case id → meeting ids. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Benchmark(ServiceProcess service, Duration duration, String password, long storedEvents) {
        this.service = service;
        this.duration = duration;
        this.authorization = basic("ada", password);
        this.adminAuthorization = basic("rita", password);
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

        long events = storeEvents(storedEvents);
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
        for (int i = 0; i < 9; i++) {
            recordMeeting(shortCase);
        }
        Histogram onLong = sequentialLatency(longCase, 200);
        Histogram onShort = sequentialLatency(shortCase, 200);
        double ratio = ms(onLong, 50) / Math.max(0.001, ms(onShort, 50));
        results.put("5 long case: command p50 on 1,000 events vs 10 (ms)", Map.of("longP50", ms(onLong, 50),
                "shortP50", ms(onShort, 50), "ratio", round(ratio), "target", "<= 1.5", "met", ratio <= 1.5,
                "asOfRebuild", "not measured: as-of views are not built yet"));
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
     * 99 meetings), copies of a case the service recorded itself: the same serialized form, with
     * new case, meeting and event ids. Cases are interleaved as a clinic's would be. Answers the
     * number of events stored.
     */
    private long storeEvents(long target) throws Exception {
        String template = cases.get(1);
        long already = scalar("SELECT count(*) FROM domain_event_entry");
        long newCases = Math.max(0, (target - already + 99) / 100);
        System.out.printf("Storing %,d more events (%,d cases of 100) ...%n", newCases * 100, newCases);
        long start = System.nanoTime();
        try (Connection connection = connect()) {
            long opened;
            long meeting;
            String templateMeeting;
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT (SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0),
                           global_index, convert_from(payload, 'UTF8')::jsonb ->> 'meetingId'
                      FROM domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type LIKE '%MeetingRecorded' LIMIT 1""")) {
                query.setString(1, template);
                query.setString(2, template);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No meeting recorded on case " + template);
                    }
                    opened = rs.getLong(1);
                    meeting = rs.getLong(2);
                    templateMeeting = rs.getString(3);
                }
            }
            String seed = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                                                    time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT gen_random_uuid()::text, t.meta_data,
                           convert_to(replace(replace(convert_from(t.payload, 'UTF8'), ?, md5(?::text || c.n)::uuid::text),
                                              ?, md5(?::text || c.n || '/' || ?::text)::uuid::text), 'UTF8'),
                           t.payload_revision, t.payload_type, t.time_stamp, md5(?::text || c.n)::uuid::text, ?, t.type
                      FROM generate_series(1, ?) AS c(n)
                      CROSS JOIN (SELECT * FROM domain_event_entry WHERE global_index = ?) AS t
                     ORDER BY c.n""")) {
                // One statement per sequence number: every case gets its opening, then its first meeting, ...
                for (int sequence = 0; sequence < 100 && newCases > 0; sequence++) {
                    insert.setString(1, template);
                    insert.setString(2, seed);
                    insert.setString(3, sequence == 0 ? template : templateMeeting);
                    insert.setString(4, seed);
                    insert.setInt(5, sequence);
                    insert.setString(6, seed);
                    insert.setInt(7, sequence);
                    insert.setLong(8, newCases);
                    insert.setLong(9, sequence == 0 ? opened : meeting);
                    insert.executeUpdate();
                }
            }
        }
        long events = scalar("SELECT count(*) FROM domain_event_entry");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Stored: %,d events in the store (%.0f s)%n", events, seconds);
        return events;
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
            HttpResponse<String> statuses = http.send(HttpRequest.newBuilder(uri("/api/admin/projections"))
                    .header("Authorization", adminAuthorization).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode status : JSON.readTree(statuses.body())) {
                String name = status.get("name").asString();
                if (!seconds.containsKey(name) && !status.get("replaying").asBoolean()
                        && status.get("caughtUp").asBoolean()) {
                    seconds.put(name, (System.nanoTime() - start) / 1e9);
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

    /** Every acknowledged meeting is stored and reflected exactly once in the read models. */
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
        boolean ok = behind == 0 && missing == 0 && storedMeetings >= ackCount && readModelMeetings == storedMeetings;
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("acknowledgedMeetings", ackCount);
        check.put("meetingEventsInStore", storedMeetings);
        check.put("meetingsInCaseFile", readModelMeetings);
        check.put("acknowledgedButMissingFromReadModel", missing);
        check.put("casesWhoseReadModelsLagTheStore", behind);
        check.put("ok", ok);
        return check;
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
