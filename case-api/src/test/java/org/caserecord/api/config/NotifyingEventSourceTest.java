package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.openCase;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read models' event source wakes its processors when events are stored, instead of
 * leaving them to look again on a timer.
 */
@ApiTest
class NotifyingEventSourceTest {

    private final HttpApi api;

    NotifyingEventSourceTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void aStreamCallsItsAvailabilityCallbackWhenACommandStoresEvents(@Autowired NotifyingEventSource source)
            throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CountDownLatch available = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(available::countDown)).isTrue();

            assertThat(api.as("ada").post("/api/cases", openCase("ada")).status()).isEqualTo(201);

            assertThat(available.await(30, TimeUnit.SECONDS)).as("callback called").isTrue();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalled(@Autowired NotifyingEventSource source) throws Exception {
        CountDownLatch calls = new CountDownLatch(1);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        stream.setOnAvailableCallback(calls::countDown);
        stream.close();
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createHeadToken())) {
            CountDownLatch openCalls = new CountDownLatch(1);
            open.setOnAvailableCallback(openCalls::countDown);

            api.as("ada").post("/api/cases", openCase("ada"));

            assertThat(openCalls.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(calls.getCount()).isEqualTo(1);
        }
    }
}
