package org.caserecord.api.web;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and instants in request bodies must lie in the years 1900 to 9999, as {@link Periods}
 * requires of query parameters. java.time reads far wider years than PostgreSQL stores; such a
 * value accepted by a command would stop the read model that cannot store it.
 */
final class DateRangeModule extends SimpleModule {

    DateRangeModule() {
        super("request-date-range");
        addDeserializer(Instant.class, new Bounded<>(Instant.class) {
            @Override
            Instant read(JsonParser parser, DeserializationContext context) {
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }

            @Override
            boolean inRange(Instant value) {
                return Periods.inRange(value);
            }
        });
        addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class) {
            @Override
            LocalDate read(JsonParser parser, DeserializationContext context) {
                return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            }

            @Override
            boolean inRange(LocalDate value) {
                return Periods.inRange(value);
            }
        });
    }

    /** A value outside the years 1900 to 9999; answered as a field error that says so. */
    static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, "Out of range", value, type);
        }
    }

    private abstract static class Bounded<T> extends StdDeserializer<T> {

        Bounded(Class<T> type) {
            super(type);
        }

        abstract T read(JsonParser parser, DeserializationContext context);

        abstract boolean inRange(T value);

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            T value = read(parser, context);
            if (value != null && !inRange(value)) {
                throw new OutOfRange(parser, value, handledType());
            }
            return value;
        }
    }
}
