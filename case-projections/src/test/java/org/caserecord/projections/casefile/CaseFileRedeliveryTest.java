package org.caserecord.projections.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseOpened;
import static org.caserecord.projections.support.CaseEvents.caseReopened;
import static org.caserecord.projections.support.CaseEvents.meetingRecorded;
import static org.caserecord.projections.support.CaseEvents.referralAccepted;
import static org.caserecord.projections.support.CaseEvents.referralAdded;
import static org.caserecord.projections.support.CaseEvents.referralCompleted;
import static org.caserecord.projections.support.CaseEvents.referralDeclined;
import static org.caserecord.projections.support.CaseStream.recordedAt;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.caserecord.projections.support.TestProjections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processors deliver at least once: after a rollback or a restart an event arrives again,
 * possibly after newer events of the same case. Whatever arrives again must change nothing.
 */
@ExtendWith(ReadModelDatabaseExtension.class)
class CaseFileRedeliveryTest {

    private static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    private static final UUID MEETING_ID = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e11");
    private static final UUID REFERRAL_ID = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f22");

    private final JdbcClient jdbc;
    private final CaseFileQueries queries;
    private final CaseStream stream;

    CaseFileRedeliveryTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queries = new CaseFileQueries(jdbc);
        this.stream = CaseStream.of(CASE_ID, TestProjections.caseFile(jdbc));
    }

    @Test
    void aRedeliveredMeetingIsRecordedOnce() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> meeting = stream.append(meetingRecorded(CASE_ID, MEETING_ID,
                Instant.parse("2026-03-02T10:30:00Z"),
                new Attendee("Maria Rivera", "mother"), new Attendee("Sam Rivera", "brother")));

        stream.redeliver(meeting);

        assertThat(rowsIn("case_file_meeting")).isEqualTo(1);
        assertThat(rowsIn("case_file_meeting_attendee")).isEqualTo(2);
        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.version()).isEqualTo(1);
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(1));
        assertThat(caseFile.meetings()).singleElement()
                .satisfies(m -> assertThat(m.attendees()).containsExactly(
                        new Attendee("Maria Rivera", "mother"), new Attendee("Sam Rivera", "brother")));
    }

    @Test
    void aRedeliveredCaseOpenedLeavesTheCaseFileAsItWas() {
        DomainEventMessage<?> opened = stream.append(caseOpened(CASE_ID));
        stream.append(caseClosed(CASE_ID));

        stream.redeliver(opened);

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFile.version()).isEqualTo(1);
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(1));
        assertThat(rowsIn("case_file")).isEqualTo(1);
    }

    @Test
    void aRedeliveredReferralAddedAfterTheCaseClosedIsNotReapplied() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> added = stream.append(referralAdded(CASE_ID, REFERRAL_ID));
        stream.append(referralDeclined(CASE_ID, REFERRAL_ID, "waiting list closed"));
        stream.append(caseClosed(CASE_ID));

        stream.redeliver(added);

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.version()).isEqualTo(3);
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(3));
        assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFile.referrals()).singleElement().satisfies(referral -> {
            assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
            assertThat(referral.outcomeReason()).isEqualTo("waiting list closed");
            assertThat(referral.updatedAt()).isEqualTo(recordedAt(2));
        });
        assertThat(rowsIn("case_file_referral")).isEqualTo(1);
    }

    @Test
    void aRedeliveredOutcomeDoesNotRollALaterOutcomeBack() {
        stream.append(caseOpened(CASE_ID));
        stream.append(referralAdded(CASE_ID, REFERRAL_ID));
        DomainEventMessage<?> accepted = stream.append(referralAccepted(CASE_ID, REFERRAL_ID));
        stream.append(referralCompleted(CASE_ID, REFERRAL_ID));

        stream.redeliver(accepted);

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.version()).isEqualTo(3);
        assertThat(caseFile.referrals()).singleElement().satisfies(referral -> {
            assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
            assertThat(referral.outcomeReason()).isEqualTo("moved in");
            assertThat(referral.updatedAt()).isEqualTo(recordedAt(3));
        });
    }

    @Test
    void aRedeliveredClosureDoesNotCloseAReopenedCaseAgain() {
        stream.append(caseOpened(CASE_ID));
        DomainEventMessage<?> closed = stream.append(caseClosed(CASE_ID));
        stream.append(caseReopened(CASE_ID, "relapse reported by family"));

        stream.redeliver(closed);

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(caseFile.version()).isEqualTo(2);
        assertThat(caseFile.closureReason()).isNull();
        assertThat(caseFile.reopenReason()).isEqualTo("relapse reported by family");
    }

    @Test
    void aRedeliveredReopeningDoesNotReopenACaseClosedSince() {
        stream.append(caseOpened(CASE_ID));
        stream.append(caseClosed(CASE_ID));
        DomainEventMessage<?> reopened = stream.append(caseReopened(CASE_ID, "relapse reported by family"));
        stream.append(caseClosed(CASE_ID));

        stream.redeliver(reopened);

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFile.version()).isEqualTo(3);
        assertThat(caseFile.reopenReason()).isNull();
        assertThat(caseFile.closedOn()).isNotNull();
    }

    private long rowsIn(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
