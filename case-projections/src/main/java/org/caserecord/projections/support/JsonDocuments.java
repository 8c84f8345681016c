package org.caserecord.projections.support;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-model rows that hold a JSON document (jsonb) write and read it with this mapper.
 * Unknown properties are ignored when reading, so a document written by a newer release
 * still reads after a rollback.
 */
public final class JsonDocuments {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonDocuments() {
    }

    public static String write(Object document) {
        return MAPPER.writeValueAsString(document);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
