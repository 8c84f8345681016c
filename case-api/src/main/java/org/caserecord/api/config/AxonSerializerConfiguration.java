package org.caserecord.api.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Axon's jackson3 serializer read its own tracking tokens back. A processor that starts
 * on a store that already holds events (a new read model, or one being rebuilt) gets a
 * ReplayToken, whose reset context is typed {@code Object}; Jackson 3's default validator
 * refuses every subtype of Object, and the processor could then never open its stream.
 * Subtypes are allowed from Axon's own packages and the JDK's plain value types only.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializerConfiguration {

    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }
}
