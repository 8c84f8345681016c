package org.caserecord.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.caserecord.projections.support.CaseEvents.CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseOpened;
import static org.caserecord.projections.support.CaseEvents.caseReopened;
import static org.caserecord.projections.support.CaseEvents.meetingRecorded;
import static org.caserecord.projections.support.CaseEvents.referralAccepted;
import static org.caserecord.projections.support.CaseEvents.referralAdded;
import static org.caserecord.projections.support.CaseEvents.referralDeclined;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An event delivered again, now or after newer events of its case, leaves the caseload as it was. */
@ExtendWith(ReadModelDatabaseExtension.class)
class CaseloadRedeliveryTest {

    private static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    private static final UUID REFERRAL_ID = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f22");

    private final JdbcClient jdbc;
    private final CaseloadQueries queries;
    private final CaseStream stream;

    CaseloadRedeliveryTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queries = new CaseloadQueries(jdbc);
        this.stream = CaseStream.of(CASE_ID, new CaseloadProjection(jdbc));
    }

    @Test
    void aRedeliveredReferralCountsOnce() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> added = stream.append(referralAdded(CASE_ID, REFERRAL_ID));

        stream.redeliver(added);

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.pendingReferrals()).isEqualTo(1);
        assertThat(entry.openReferrals()).isEqualTo(1);
        assertThat(entry.version()).isEqualTo(1);
    }

    @Test
    void aReferralAddedRedeliveredAfterItWasAcceptedDoesNotMakeItPendingAgain() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> added = stream.append(referralAdded(CASE_ID, REFERRAL_ID));
        stream.append(referralAccepted(CASE_ID, REFERRAL_ID));

        stream.redeliver(added);

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.pendingReferrals()).isZero();
        assertThat(entry.openReferrals()).isEqualTo(1);
        assertThat(entry.version()).isEqualTo(2);
    }

    @Test
    void aReferralAddedRedeliveredAfterTheCaseClosedIsNotReapplied() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> added = stream.append(referralAdded(CASE_ID, REFERRAL_ID));
        stream.append(referralDeclined(CASE_ID, REFERRAL_ID, "waiting list closed"));
        stream.append(caseClosed(CASE_ID));

        stream.redeliver(added);

        assertThat(column("status", String.class)).isEqualTo("CLOSED");
        assertThat(column("version", Long.class)).isEqualTo(3L);
        assertThat(column("pending_referrals", Integer.class)).isZero();
        assertThat(column("open_referrals", Integer.class)).isZero();
    }

    @Test
    void aRedeliveredClosureDoesNotTakeAReopenedCaseOffTheCaseload() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> closed = stream.append(caseClosed(CASE_ID));
        stream.append(caseReopened(CASE_ID, "relapse reported by family"));

        stream.redeliver(closed);

        assertThat(queries.openCases(CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId, CaseloadEntry::version)
                .containsExactly(tuple(CASE_ID, 2L));
    }

    @Test
    void aRedeliveredMeetingLeavesTheLastContactAndVersionAlone() {
        Instant occurredAt = Instant.parse("2026-03-02T10:30:00Z");
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> meeting = stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), occurredAt));

        stream.redeliver(meeting);

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.lastContactAt()).isEqualTo(occurredAt);
        assertThat(entry.version()).isEqualTo(1);
    }

    @Test
    void aRedeliveredCaseOpenedLeavesTheEntryAsItWas() {
        DomainEventMessage<?> opened = stream.append(caseOpened(CASE_ID));
        stream.append(referralAdded(CASE_ID, REFERRAL_ID));

        stream.redeliver(opened);

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.pendingReferrals()).isEqualTo(1);
    }

    private CaseloadEntry onlyEntry() {
        return queries.openCases(CASE_MANAGER, 50, null).cases().stream()
                .filter(entry -> entry.caseId().equals(CASE_ID))
                .findFirst()
                .orElseThrow();
    }

    private <T> T column(String column, Class<T> type) {
        return jdbc.sql("SELECT " + column + " FROM caseload_entry WHERE case_id = :caseId")
                .param("caseId", CASE_ID)
                .query(type)
                .single();
    }
}
