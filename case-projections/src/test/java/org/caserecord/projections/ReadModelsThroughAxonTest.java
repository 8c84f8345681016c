package org.caserecord.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.caserecord.domain.casefile.CaseFile;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralOutcome;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.caserecord.projections.casefile.CaseFileQueries;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.caseload.CaseloadEntry;
import org.caserecord.projections.caseload.CaseloadProjection;
import org.caserecord.projections.caseload.CaseloadQueries;
import org.caserecord.projections.support.ReadModelDatabase;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.caserecord.projections.support.TestProjections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * End to end on the write side's terms: commands go to the real CaseFile aggregate, its
 * events reach the projections through Axon's pooled streaming processors (as configured in
 * production), and the read models land in PostgreSQL. Catches what calling a handler
 * directly cannot: a projection not registered, a processing group misnamed, metadata not
 * carried from command to event.
 */
@ExtendWith(ReadModelDatabaseExtension.class)
class ReadModelsThroughAxonTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneOffset.UTC);
    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(15);

    private static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    private static final UUID MEETING_ID = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e11");
    private static final UUID REFERRAL_ID = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f22");
    private static final Instant MEETING_AT = Instant.parse("2026-03-09T10:00:00Z");
    private static final Attendee MOTHER = new Attendee("Maria Rivera", "mother");

    private final JdbcClient jdbc;
    private final CaseFileQueries caseFiles;
    private final CaseloadQueries caseloads;
    private Configuration axon;

    ReadModelsThroughAxonTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.caseFiles = new CaseFileQueries(jdbc);
        this.caseloads = new CaseloadQueries(jdbc);
    }

    @BeforeEach
    void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(CaseFile.class)
                .registerComponent(Clock.class, c -> CLOCK)
                // As the service does: a batch's read-model rows and its token commit together.
                .configureTransactionManager(c -> new SpringTransactionManager(
                        new DataSourceTransactionManager(ReadModelDatabase.get().dataSource())))
                // As the service does: every event carries the actor of the command that caused it.
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(), new SimpleCorrelationDataProvider("actor")))
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerEventHandler(c -> TestProjections.caseFile(jdbc))
                        .registerEventHandler(c -> new CaseloadProjection(jdbc)))
                .start();
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void eachProjectionRunsInAProcessorNamedAfterItsProcessingGroup() {
        assertThat(axon.eventProcessingConfiguration().eventProcessors())
                .containsOnlyKeys(CaseFileProjection.PROCESSING_GROUP, CaseloadProjection.PROCESSING_GROUP);
        Optional<EventProcessor> caseFile = axon.eventProcessingConfiguration()
                .eventProcessor(CaseFileProjection.PROCESSING_GROUP);
        Optional<EventProcessor> caseload = axon.eventProcessingConfiguration()
                .eventProcessor(CaseloadProjection.PROCESSING_GROUP);
        assertThat(caseFile).containsInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(caseload).containsInstanceOf(PooledStreamingEventProcessor.class);
    }

    @Test
    void commandsOnACaseReachBothReadModelsThroughTheProcessors() {
        runTheCase();

        CaseFileView caseFile = await("the case file at version 3",
                () -> caseFiles.find(CASE_ID).filter(view -> view.version() == 3));
        assertThat(caseFile.meetings()).singleElement().satisfies(meeting -> {
            assertThat(meeting.meetingId()).isEqualTo(MEETING_ID);
            assertThat(meeting.occurredAt()).isEqualTo(MEETING_AT);
            assertThat(meeting.attendees()).containsExactly(MOTHER);
            assertThat(meeting.recordedBy()).isEqualTo("ada");
        });
        assertThat(caseFile.referrals()).singleElement()
                .satisfies(referral -> assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED));

        CaseloadEntry entry = await("the caseload entry at version 3", () -> caseloads.openCases("ada", 50, null)
                .cases().stream().filter(e -> e.caseId().equals(CASE_ID) && e.version() == 3).findFirst());
        assertThat(entry.lastContactAt()).isEqualTo(MEETING_AT);
        assertThat(entry.pendingReferrals()).isZero();
        assertThat(entry.openReferrals()).isEqualTo(1);
    }

    @Test
    void handlingTheStoredStreamAgainChangesNeitherReadModel() throws Exception {
        runTheCase();
        CaseFileView caseFileBefore = await("the case file at version 3",
                () -> caseFiles.find(CASE_ID).filter(view -> view.version() == 3));
        CaseloadEntry entryBefore = await("the caseload entry at version 3", () -> caseloads.openCases("ada", 50, null)
                .cases().stream().filter(e -> e.caseId().equals(CASE_ID) && e.version() == 3).findFirst());

        // The very messages the event store holds, handed to the projections once more.
        List<? extends DomainEventMessage<?>> stored = axon.eventStore().readEvents(CASE_ID.toString()).asStream().toList();
        assertThat(stored).hasSize(4);
        AnnotationEventHandlerAdapter caseFile = new AnnotationEventHandlerAdapter(TestProjections.caseFile(jdbc));
        AnnotationEventHandlerAdapter caseload = new AnnotationEventHandlerAdapter(new CaseloadProjection(jdbc));
        for (DomainEventMessage<?> message : stored) {
            caseFile.handle(message);
            caseload.handle(message);
        }

        assertThat(caseFiles.find(CASE_ID)).contains(caseFileBefore);
        assertThat(caseloads.openCases("ada", 50, null).cases()).containsExactly(entryBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM case_file_meeting_attendee").query(Long.class).single())
                .isEqualTo(1L);
    }

    /** Opens a case, records a meeting, adds a referral and accepts it: versions 0 to 3. */
    private void runTheCase() {
        send(new OpenCase(CASE_ID, new Client("Jordan Rivera", LocalDate.of(1990, 4, 2)), "ada",
                LocalDate.of(2026, 3, 1), "county hospital", "low mood"));
        send(new RecordMeeting(CASE_ID, MEETING_ID, MeetingType.FAMILY, MEETING_AT, 45, List.of(MOTHER),
                "discussed housing", 0L));
        send(new AddReferral(CASE_ID, REFERRAL_ID, new Provider("Eastside Housing Cooperative", "HOUSING"),
                "needs stable housing", Urgency.URGENT, 1L));
        send(new RecordReferralOutcome(CASE_ID, REFERRAL_ID, ReferralOutcome.ACCEPTED, null, null, 2L));
    }

    private void send(Object command) {
        axon.commandGateway().sendAndWait(
                GenericCommandMessage.asCommandMessage(command).withMetaData(MetaData.with("actor", "ada")));
    }

    /** The processors run on their own threads: wait until the read model shows what we expect. */
    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Awaitility.await(what).atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(probe::get, Optional::isPresent)
                .orElseThrow();
    }
}
