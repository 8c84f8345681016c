package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Processors store their positions with Axon's general serializer; a processor started on a
 * store that already holds events stores a ReplayToken and must be able to read it back.
 */
@ApiTest
class TrackingTokenSerializationTest {

    @Autowired
    Serializer serializer;

    TrackingTokenSerializationTest(HttpApi unused) {
    }

    @Test
    void aReplayTokenSurvivesTheTokenStoresSerializer() {
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000),
                new GlobalSequenceTrackingToken(10), null);

        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        TrackingToken read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(token);
    }

    @Test
    void aPlainTokenSurvivesToo() {
        TrackingToken token = new GlobalSequenceTrackingToken(42);

        TrackingToken read = serializer.deserialize(serializer.serialize(token, byte[].class));

        assertThat(read).isEqualTo(token);
    }
}
