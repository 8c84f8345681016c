package org.caserecord.api.config;

import java.time.Clock;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.casefile.CaseFile;
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
     * The aggregate is registered here rather than with Spring's {@code @Aggregate} so the
     * domain module stays free of Spring. Projection handlers that fail are retried by their
     * processor instead of being logged and skipped, which would silently lose read-model rows.
     */
    @Bean
    ConfigurerModule caseRecordAxonModule() {
        return configurer -> {
            configurer.configureAggregate(CaseFile.class);
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
