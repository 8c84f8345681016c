package org.caserecord.api.config;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.caserecord.projections.caseload.CaseloadProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store and token store on PostgreSQL, declared here rather than left to Axon's
 * JDBC auto-configuration: that one only applies when it sees the DataSource first, which
 * depends on configuration order and would silently fall back to in-memory token storage. Axon's JDBC tables are named as Flyway
 * creates them (V1, V2): snake_case, so auditors and reporting tools can query them
 * without quoting. Axon never creates or alters them.
 */
@Configuration(proxyBeanMethods = false)
public class AxonEventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    /** How long a processor segment claimed by a crashed instance stays claimed. */
    private static final Duration TOKEN_CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final String LOCAL_NODE_ID = "local-embedded";
    private static final Duration CLAIM_EXTENSION_THRESHOLD = Duration.ofSeconds(3);
    /** Processors with several segments; the single-segment ones run on whichever instance claims first. */
    private static final List<String> SHARED_PROCESSORS =
            List.of(CaseFileProjection.PROCESSING_GROUP, CaseloadProjection.PROCESSING_GROUP);

    /**
     * Axon's event store as Boot would build it, polling the event table more often. Command
     * transactions commit after Axon's unit of work (they also hold the idempotency record),
     * so the store's wake-up on local commits comes too early and read models would wait for
     * the next poll; the poll interval bounds how stale a read model can be.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  ClinicProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.eventPollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Tells Axon which database errors mean "another command appended this sequence first":
     * PostgreSQL's unique_violation (SQLSTATE 23505), wherever it sits in the cause chain
     * (batched inserts wrap it). Axon then reports a ConcurrencyException, which the API
     * retries, instead of a generic storage failure.
     */
    /** What the read models' processors read (application.yml names it as their source). */
    @Bean
    NotifyingEventSource readModelEventSource(EventStore eventStore) {
        return new NotifyingEventSource(eventStore);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
                if (t instanceof SQLException sql && sql.getNextException() != null
                        && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Gaps in the global index are given up after this many later events. At 600 appends a second
     * and a command transaction of at most a minute (statement and idle timeouts), a late commit is
     * at most about 36,000 positions behind.
     */
    static final int MAX_GAP_OFFSET = 50_000;
    /** Only Axon's gap cleaning still looks at event timestamps; a long timeout keeps it harmless. */
    static final int GAP_TIMEOUT_MILLIS = 10 * 60 * 1000;

    /**
     * Axon's JDBC storage engine as Boot would build it, on our schema, except that it never skips
     * an event whose transaction commits late (see GapRecordingJdbcEventStorageEngine).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return new GapRecordingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout(GAP_TIMEOUT_MILLIS), MAX_GAP_OFFSET, 1);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Axon joins Spring's transactions, so read-model rows and tokens commit together. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * This instance among those sharing the database. In local mode the data-directory lock
     * guarantees a single instance, so it has a fixed id: after a crash the restarted service
     * takes its segments (and its heartbeat row) back at once instead of waiting for the dead
     * process's claims to time out. Otherwise every start is a new instance, even two in one JVM.
     */
    @Bean
    ServiceInstances serviceInstances(Environment environment, JdbcClient jdbc, InstanceProperties properties) {
        String instanceId = LocalMode.isActive(environment) ? LOCAL_NODE_ID
                : ManagementFactory.getRuntimeMXBean().getName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
        return new ServiceInstances(instanceId, jdbc, properties);
    }

    /** Processor positions, claimed per segment by the instance working on them. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          ServiceInstances instances) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(TOKEN_CLAIM_TIMEOUT)
                .nodeId(instances.instanceId())
                .build();
    }

    /**
     * The read models worked on in several segments share them out between the live instances
     * (ServiceInstances). An idle segment's claim is extended well within the token store's claim
     * timeout, so a slow moment does not let another instance take a segment that is still worked on.
     */
    @Bean
    ConfigurerModule segmentSharing(ServiceInstances instances) {
        return configurer -> {
            for (String processor : SHARED_PROCESSORS) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(processor,
                        (axon, builder) -> builder
                                .maxSegmentProvider(instances::maxSegments)
                                .claimExtensionThreshold(CLAIM_EXTENSION_THRESHOLD.toMillis()));
            }
        };
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
