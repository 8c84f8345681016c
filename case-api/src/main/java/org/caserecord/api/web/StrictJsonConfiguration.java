package org.caserecord.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a field given twice, or a number or boolean sent as a
 * string, is an error rather than a guess, and dates lie in the years 1900 to 9999. (Unknown fields are refused through
 * spring.jackson.deserialization in application.yml.) Axon's event serializer has its
 * own mapper and is not affected.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new DateRangeModule())
                .withCoercionConfig(LogicalType.Integer, config ->
                        config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config ->
                        config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config ->
                        config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
