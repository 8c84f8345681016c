package org.caserecord.api.notifications;

import java.time.OffsetDateTime;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.caserecord.api.crypto.MasterKey;
import org.caserecord.api.crypto.SealedSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outbound notifications: the sealing of subscription secrets and where the outbox starts. */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    @Bean
    SealedSecrets webhookSecrets(MasterKey masterKey) {
        return new SealedSecrets(masterKey, "webhook-subscription-secret");
    }

    /**
     * The outbox processor's first position (when it has no token: its first start, or after its
     * tokens were reset): the oldest active subscription's creation, as no subscription is owed an
     * event recorded before it; with no subscription, the head of the stream. It never reads
     * history nobody can be owed, and a reset adds only the deliveries that are missing.
     */
    @Bean
    ConfigurerModule webhookOutboxInitialPosition(JdbcClient jdbc) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                WebhookOutbox.PROCESSING_GROUP,
                (axon, processor) -> processor.initialToken(source -> initialPosition(jdbc, source)));
    }

    static TrackingToken initialPosition(JdbcClient jdbc, StreamableMessageSource<TrackedEventMessage<?>> source) {
        return jdbc.sql("""
                        SELECT created_at FROM webhook_subscription WHERE deleted_at IS NULL
                         ORDER BY created_at LIMIT 1""")
                .query(OffsetDateTime.class)
                .optional()
                .map(oldest -> source.createTokenAt(oldest.toInstant()))
                .orElseGet(source::createHeadToken);
    }
}
