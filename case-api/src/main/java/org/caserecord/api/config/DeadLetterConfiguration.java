package org.caserecord.api.config;

import java.util.List;
import java.util.Set;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.caserecord.projections.caseload.CaseloadProjection;
import org.caserecord.projections.directory.ResourceDirectoryProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A dead-letter queue for each read model (docs/operations.md): an event its handler fails on is
 * parked, with the later events of the same case behind it, and the other cases keep flowing
 * until a records officer retries it. The audit sealer and the webhook outbox get none on
 * purpose: a seal chain or an outbox that skipped an event would be wrong, not just late, so
 * they stop and retry instead (the default error handling in AxonConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** The processing groups whose failures are parked. */
    public static final List<String> GROUPS = List.of(CaseFileProjection.PROCESSING_GROUP,
            CaseloadProjection.PROCESSING_GROUP, ResourceDirectoryProjection.PROCESSING_GROUP);

    /** Axon's limits, stated: beyond them the segment stops and retries (overflow is not parked). */
    private static final int MAX_SEQUENCES = 1024;
    private static final int MAX_SEQUENCE_SIZE = 1024;

    @Bean
    ConfigurerModule deadLetterModule(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      DeadLetterSchema schema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (String group : GROUPS) {
                processing.registerDeadLetterQueue(group, axon -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        // Joins the processor's batch transaction: letters, read-model rows and the
                        // token commit together.
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(schema)
                        .genericSerializer(serializer)    // token and diagnostics
                        .eventSerializer(eventSerializer) // payload and metadata, personal data encrypted
                        .maxSequences(MAX_SEQUENCES)
                        .maxSequenceSize(MAX_SEQUENCE_SIZE)
                        .build());
                processing.registerDeadLetterPolicy(group, axon -> new RedactingEnqueuePolicy(group));
                // allowReset: a replay empties the queue with the read model (else the replayed
                // events of a parked case would queue behind its old letters, twice over).
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (axon, builder) -> builder.enableSequenceIdentifierCache().allowReset(true));
            }
        };
    }

    /** See {@link SavepointPerEventHandler}: needed for a failed SQL statement to be parked at all. */
    @Bean
    SavepointPerEventHandler savepointPerEventHandler(PlatformTransactionManager transactionManager) {
        return new SavepointPerEventHandler(transactionManager, Set.copyOf(GROUPS));
    }

    /** The V23 table, snake_case like Axon's other tables here. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
