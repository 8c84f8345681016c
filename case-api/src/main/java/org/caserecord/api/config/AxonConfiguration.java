package org.caserecord.api.config;

import java.time.Clock;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.casefile.CaseFile;
import org.caserecord.domain.directory.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain into Axon: the aggregate, the clock it decides with, and event metadata. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock(ClinicProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * The aggregates (cases, and the resources of the directory) are registered here rather than
     * with Spring's {@code @Aggregate} so the domain module stays free of Spring. Recently written
     * cases stay in a bounded cache that is checked against the event store on every use (see
     * StoreCheckedCachingRepository). Projection handlers that fail are retried by their
     * processor instead of being logged and skipped, which would silently lose read-model rows.
     */
    @Bean
    ConfigurerModule caseRecordAxonModule(ClinicProperties properties) {
        return configurer -> {
            configurer.configureAggregate(properties.aggregateCacheSize() > 0
                    ? AggregateConfigurer.defaultConfiguration(CaseFile.class).configureRepository(
                            axon -> new StoreCheckedCachingRepository<>(EventSourcingRepository.builder(CaseFile.class)
                                    .parameterResolverFactory(axon.parameterResolverFactory())
                                    .handlerDefinition(axon.handlerDefinition(CaseFile.class))
                                    .repositoryProvider(axon::repository)
                                    .spanFactory(axon.getComponent(RepositorySpanFactory.class)),
                                    new CaseFileCache(properties.aggregateCacheSize()), axon.eventStore()))
                    : AggregateConfigurer.defaultConfiguration(CaseFile.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Resource.class));
            configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                    .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * Every event carries who caused it (actor, roles, request id) copied from its command,
     * the id of the command that caused it (causationId) and the id of the whole
     * conversation (correlationId).
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(RequestMetadata.CAUSATION_ID, RequestMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.ACTOR, RequestMetadata.ACTOR_ROLES,
                RequestMetadata.REQUEST_ID);
    }
}
