package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.api.support.CaseJson.meeting;
import static org.caserecord.api.support.CaseJson.openCase;
import static org.caserecord.api.support.CaseJson.reopening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.support.ApiTest;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands decide on cached case state only when nothing has been stored since: writes of
 * other instances, and writes whose transaction rolled back after Axon had cached them,
 * are never overlooked.
 */
@ApiTest
class CaseFileCacheTest {

    private final HttpApi api;

    CaseFileCacheTest(HttpApi api) {
        this.api = api;
    }

    private String openCachedCase() {
        String caseId = api.as("ada").post("/api/cases", openCase("ada")).text("/caseId");
        // The case is now cached at version 1.
        assertThat(api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting()).number("/version")).isEqualTo(1);
        return caseId;
    }

    @Test
    void aCaseClosedByAnotherInstanceIsClosedHereToo(@Autowired EventStore eventStore,
                                                      @Autowired TransactionTemplate transactions) {
        String caseId = openCachedCase();

        // Another instance, sharing the database, closes the case.
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("CaseFile",
                caseId, 2, new CaseClosed(UUID.fromString(caseId), ClosureReason.RELEASED_FROM_TREATMENT,
                "closed elsewhere", LocalDate.now()))));

        Response meeting = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(409);
        Response reopened = api.as("ada").post("/api/cases/" + caseId + "/reopening", reopening());
        assertThat(reopened.number("/version")).as(reopened.toString()).isEqualTo(3);
    }

    @Test
    void aClientThatSawAnotherInstancesWriteIsNotRefusedAsStale(@Autowired EventStore eventStore,
                                                               @Autowired TransactionTemplate transactions) {
        String caseId = openCachedCase();
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("CaseFile",
                caseId, 2, new MeetingRecorded(UUID.fromString(caseId), UUID.randomUUID(), MeetingType.CLIENT,
                Instant.now().minusSeconds(60), 30, List.of(), "recorded elsewhere"))));

        Response meeting = api.as("ada").header("If-Match", "\"2\"").post("/api/cases/" + caseId + "/meetings",
                meeting());
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        assertThat(meeting.number("/version")).isEqualTo(3);
    }

    @Test
    void aWriteWhoseTransactionRolledBackLeavesNoTrace(@Autowired CommandGateway commands,
                                                       @Autowired TransactionTemplate transactions,
                                                       @Autowired JdbcClient jdbc) {
        String caseId = openCachedCase();

        // Axon's unit of work completes (and caches the new state); the wider transaction fails.
        transactions.executeWithoutResult(status -> {
            Object version = commands.sendAndWait(new RecordMeeting(UUID.fromString(caseId), UUID.randomUUID(),
                    MeetingType.CLIENT, Instant.now().minusSeconds(3600), 30,
                    List.of(new Attendee("Client", "client")), "never stored", null));
            assertThat(version).isEqualTo(2L);
            status.setRollbackOnly();
        });

        Response meeting = api.as("ada").post("/api/cases/" + caseId + "/meetings", meeting());
        assertThat(meeting.number("/version")).as(meeting.toString()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(caseId).query(Long.class).list()).containsExactly(0L, 1L, 2L);
    }
}
