package org.caserecord.api.config;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The instances of the service working on one database, known by the heartbeats they write to
 * {@code service_instance}. Without Axon Server nothing divides a processor's segments between
 * instances: the first one to start would claim them all and keep them. Each instance claims at
 * most its share instead, {@code ceil(segments / live instances)} (see {@link #maxSegments}); Axon
 * re-reads that before every claim round and releases what exceeds it, so a second instance gets
 * half of the work, and when one stops or dies the others' shares grow and they take its
 * segments over once its claims have expired.
 *
 * <p>The counts are refreshed on the heartbeat thread and only read by Axon's coordinators, so a
 * database that does not answer never makes claiming fail: the last known counts stay in use.
 * Starts before Axon's processors and stops after them; a clean stop removes the heartbeat at once.
 */
public class ServiceInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    /** Before Axon's configuration (phase Integer.MAX_VALUE - 3072) starts, after it stops. */
    private static final int PHASE = 0;

    private final String instanceId;
    private final JdbcClient jdbc;
    private final InstanceProperties properties;
    private volatile int liveInstances = 1;
    private volatile Map<String, Integer> segmentCounts = Map.of();
    private volatile boolean healthy = true;
    private volatile ScheduledExecutorService heartbeat;

    public ServiceInstances(String instanceId, JdbcClient jdbc, InstanceProperties properties) {
        this.instanceId = instanceId;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** This instance's name in the heartbeat table and as the owner of its segment claims. */
    public String instanceId() {
        return instanceId;
    }

    /** Live instances at the last heartbeat, this one included. */
    public int liveInstances() {
        return liveInstances;
    }

    /**
     * How many segments of the processor this instance may claim: its share, rounded up. Before the
     * processor's segments exist (its very first start) there is no limit, so they get worked on.
     */
    public int maxSegments(String processorName) {
        Integer segments = segmentCounts.get(processorName);
        if (segments == null || segments == 0) {
            return Short.MAX_VALUE;
        }
        return Math.max(1, (segments + liveInstances - 1) / liveInstances);
    }

    /** Records this instance as alive, forgets the expired ones and re-reads the counts. */
    void beat() {
        try {
            jdbc.sql("""
                            INSERT INTO service_instance (instance_id) VALUES (:id)
                            ON CONFLICT (instance_id) DO UPDATE SET last_seen_at = now()
                            """)
                    .param("id", instanceId)
                    .update();
            double expirySeconds = properties.expiry().toMillis() / 1000.0;
            jdbc.sql("DELETE FROM service_instance WHERE last_seen_at < now() - make_interval(secs => :expiry)")
                    .param("expiry", expirySeconds)
                    .update();
            int live = jdbc.sql("SELECT count(*) FROM service_instance").query(Integer.class).single();
            Map<String, Integer> segments = Map.copyOf(jdbc.sql(
                            "SELECT processor_name, count(*)::int AS segments FROM token_entry GROUP BY processor_name")
                    .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            if (live != liveInstances) {
                log.info("{} service instance(s) share the projection work", live);
            }
            liveInstances = Math.max(1, live);
            segmentCounts = segments;
            if (!healthy) {
                log.info("Heartbeat recorded again");
                healthy = true;
            }
        } catch (RuntimeException e) {
            if (healthy) {
                log.warn("Could not record this instance's heartbeat ({}); keeping the last known count of {}"
                        + " live instance(s)", e.getClass().getSimpleName(), liveInstances);
                healthy = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (heartbeat != null) {
            return;
        }
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "instance-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdown();
        try {
            // A heartbeat under way would write the row again after its removal.
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat = null;
        try {
            jdbc.sql("DELETE FROM service_instance WHERE instance_id = :id").param("id", instanceId).update();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance's heartbeat ({}); it expires by itself",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
