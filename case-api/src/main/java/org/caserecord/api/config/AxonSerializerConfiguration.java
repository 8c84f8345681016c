package org.caserecord.api.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.caserecord.api.crypto.PhiCipher;
import org.caserecord.api.crypto.PhiJacksonModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The JsonMapper of Axon's jackson3 serializer: the one serializer for events, messages and
 * tracking tokens (all three are set to jackson3). Axon's auto-configuration applies only the
 * first Jackson3SerializerCustomizer bean it finds, so everything is done in this single one.
 * <ul>
 *   <li>Personal data (fields marked {@code @Phi}) is encrypted with its case's key on the way
 *   into the event store and decrypted on the way out ({@link PhiJacksonModule}); the HTTP API's
 *   own JsonMapper is untouched.</li>
 *   <li>Axon can read its own tracking tokens back. A processor that starts on a store that
 *   already holds events (a new read model, or one being rebuilt) gets a ReplayToken, whose reset
 *   context is typed {@code Object}; Jackson 3's default validator refuses every subtype of
 *   Object, and the processor could then never open its stream. Subtypes are allowed from Axon's
 *   own packages and the JDK's plain value types only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializerConfiguration {

    @Bean
    Jackson3SerializerCustomizer axonJsonMapper(PhiCipher phiCipher) {
        return builder -> builder
                .addModule(new PhiJacksonModule(phiCipher))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("java.lang.")
                        .allowIfSubType("java.util.")
                        .allowIfSubType("java.time.")
                        .build());
    }
}
