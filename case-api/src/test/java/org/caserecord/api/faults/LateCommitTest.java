package org.caserecord.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caserecord.api.support.CaseJson.openCase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.model.MeetingType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose transaction commits long after later events were committed and read, with
 * timestamps older than Axon's gap timeout all round (the worst case: the processors read old
 * events, as after a restart or in a replay). Stock Axon 4.13 skips such an event for ever
 * (AxonFramework #4829); it must still reach every read model.
 */
@ApiTest
class LateCommitTest {

    private static final Instant LONG_AGO = Instant.now().minus(30, ChronoUnit.MINUTES);

    private final HttpApi api;

    LateCommitTest(HttpApi api) {
        this.api = api;
    }

    @Test
    void anEventCommittedLateStillReachesTheReadModels(@Autowired EventStore eventStore,
                                                        @Autowired TransactionTemplate transactions) throws Exception {
        UUID late = UUID.fromString(api.as("ada").post("/api/cases", openCase("ada")).text("/caseId"));
        UUID prompt = UUID.fromString(api.as("ada").post("/api/cases", openCase("ada")).text("/caseId"));
        UUID lateMeeting = UUID.randomUUID();
        UUID promptMeeting = UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        // Takes its global index now, commits only when told.
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> {
                    eventStore.publish(meeting(late, lateMeeting));
                    appended.countDown();
                    try {
                        assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        // A later event, committed and read by every processor while the first is still open.
        transactions.executeWithoutResult(status -> eventStore.publish(meeting(prompt, promptMeeting)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("ada").get("/api/cases/" + prompt)
                .header("ETag").equals("\"1\""));

        commit.countDown();
        slowTransaction.get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpApi.Response caseFile = api.as("ada").get("/api/cases/" + late);
            assertThat(caseFile.header("ETag")).isEqualTo("\"1\"");
            assertThat(caseFile.text("/meetings/0/meetingId")).isEqualTo(lateMeeting.toString());
            assertThat(api.as("ada").get("/api/caseloads/ada?limit=200").json().toString())
                    .contains(late.toString());
        });
    }

    private static GenericDomainEventMessage<MeetingRecorded> meeting(UUID caseId, UUID meetingId) {
        MeetingRecorded event = new MeetingRecorded(caseId, meetingId, MeetingType.CLIENT,
                LONG_AGO.minus(1, ChronoUnit.HOURS), 30, List.of(), "late or not", null, null);
        return new GenericDomainEventMessage<>("CaseFile", caseId.toString(), 1, event, MetaData.with("actor", "ada"),
                UUID.randomUUID().toString(), LONG_AGO);
    }
}
