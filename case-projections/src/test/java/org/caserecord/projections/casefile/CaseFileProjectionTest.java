package org.caserecord.projections.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.caserecord.projections.support.CaseEvents.CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.CLIENT;
import static org.caserecord.projections.support.CaseEvents.HOUSING;
import static org.caserecord.projections.support.CaseEvents.OPENED_ON;
import static org.caserecord.projections.support.CaseEvents.REFERRAL_REASON;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseOpened;
import static org.caserecord.projections.support.CaseEvents.caseReopened;
import static org.caserecord.projections.support.CaseEvents.meetingRecorded;
import static org.caserecord.projections.support.CaseEvents.referralAccepted;
import static org.caserecord.projections.support.CaseEvents.referralAdded;
import static org.caserecord.projections.support.CaseEvents.referralCancelled;
import static org.caserecord.projections.support.CaseEvents.referralCompleted;
import static org.caserecord.projections.support.CaseEvents.referralDeclined;
import static org.caserecord.projections.support.CaseStream.recordedAt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.caserecord.projections.support.TestProjections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case file read model, built from events on a real PostgreSQL and read back through its queries. */
@ExtendWith(ReadModelDatabaseExtension.class)
class CaseFileProjectionTest {

    private static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    private static final UUID REFERRAL_ID = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f22");

    private final CaseFileProjection projection;
    private final CaseFileQueries queries;
    private final CaseStream stream;

    CaseFileProjectionTest(JdbcClient jdbc) {
        this.projection = TestProjections.caseFile(jdbc);
        this.queries = new CaseFileQueries(jdbc);
        this.stream = CaseStream.of(CASE_ID, projection);
    }

    @Test
    void openingACaseCreatesAnOpenCaseFileAtVersionZero() {
        stream.append(caseOpened(CASE_ID));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.caseId()).isEqualTo(CASE_ID);
        assertThat(caseFile.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(caseFile.version()).isZero();
        assertThat(caseFile.client()).isEqualTo(CLIENT);
        assertThat(caseFile.caseManagerId()).isEqualTo(CASE_MANAGER);
        assertThat(caseFile.openedOn()).isEqualTo(OPENED_ON);
        assertThat(caseFile.referralSource()).isEqualTo("county hospital");
        assertThat(caseFile.presentingConcerns()).isEqualTo("low mood");
        assertThat(caseFile.recordedAt()).isEqualTo(recordedAt(0));
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(0));
        assertThat(caseFile.closedOn()).isNull();
        assertThat(caseFile.closureReason()).isNull();
        assertThat(caseFile.meetings()).isEmpty();
        assertThat(caseFile.referrals()).isEmpty();
        assertThat(queries.versionOf(CASE_ID)).contains(0L);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        stream.append(caseOpened(CASE_ID));

        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000042");
        assertThat(queries.find(unknown)).isEmpty();
        assertThat(queries.versionOf(unknown)).isEmpty();
    }

    @Test
    void aRecordedMeetingKeepsItsAttendeesInTheOrderGiven() {
        UUID meetingId = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e11");
        Instant occurredAt = Instant.parse("2026-03-02T10:30:00Z");
        // Deliberately not alphabetical, by name or by role.
        Attendee mother = new Attendee("Maria Rivera", "mother");
        Attendee psychiatrist = new Attendee("Dr Okafor", "psychiatrist");
        Attendee brother = new Attendee("Sam Rivera", "brother");
        stream.append(caseOpened(CASE_ID));

        stream.append(meetingRecorded(CASE_ID, meetingId, occurredAt, mother, psychiatrist, brother));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.version()).isEqualTo(1);
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(1));
        assertThat(caseFile.meetings()).singleElement().satisfies(meeting -> {
            assertThat(meeting.meetingId()).isEqualTo(meetingId);
            assertThat(meeting.type()).isEqualTo(MeetingType.FAMILY);
            assertThat(meeting.occurredAt()).isEqualTo(occurredAt);
            assertThat(meeting.durationMinutes()).isEqualTo(45);
            assertThat(meeting.notes()).isEqualTo("discussed housing");
            assertThat(meeting.attendees()).containsExactly(mother, psychiatrist, brother);
            assertThat(meeting.recordedAt()).isEqualTo(recordedAt(1));
            assertThat(meeting.recordedBy()).isEqualTo(CaseStream.ACTOR);
        });
    }

    @Test
    void anAddedReferralIsPendingUntilItsOutcomeIsRecorded() {
        stream.append(caseOpened(CASE_ID));
        stream.append(referralAdded(CASE_ID, REFERRAL_ID));

        assertThat(queries.find(CASE_ID).orElseThrow().referrals()).singleElement().satisfies(referral -> {
            assertThat(referral.referralId()).isEqualTo(REFERRAL_ID);
            assertThat(referral.provider()).isEqualTo(HOUSING);
            assertThat(referral.reason()).isEqualTo(REFERRAL_REASON);
            assertThat(referral.urgency()).isEqualTo(Urgency.URGENT);
            assertThat(referral.status()).isEqualTo(ReferralStatus.PENDING);
            assertThat(referral.outcomeReason()).isNull();
            assertThat(referral.addedAt()).isEqualTo(recordedAt(1));
            assertThat(referral.updatedAt()).isEqualTo(recordedAt(1));
        });

        stream.append(referralDeclined(CASE_ID, REFERRAL_ID, "waiting list closed"));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.version()).isEqualTo(2);
        assertThat(caseFile.referrals()).singleElement().satisfies(referral -> {
            assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
            assertThat(referral.outcomeReason()).isEqualTo("waiting list closed");
            assertThat(referral.reason()).isEqualTo(REFERRAL_REASON);
            assertThat(referral.addedAt()).isEqualTo(recordedAt(1));
            assertThat(referral.updatedAt()).isEqualTo(recordedAt(2));
        });
    }

    @Test
    void everyOutcomeEventMovesItsReferralToTheMatchingStatus() {
        UUID accepted = UUID.fromString("10000000-0000-0000-0000-000000000001");
        UUID completed = UUID.fromString("10000000-0000-0000-0000-000000000002");
        UUID cancelled = UUID.fromString("10000000-0000-0000-0000-000000000003");
        stream.append(caseOpened(CASE_ID));
        stream.append(referralAdded(CASE_ID, accepted));
        stream.append(referralAdded(CASE_ID, completed));
        stream.append(referralAdded(CASE_ID, cancelled));

        stream.append(referralAccepted(CASE_ID, accepted));
        stream.append(referralAccepted(CASE_ID, completed));
        stream.append(referralCompleted(CASE_ID, completed));
        stream.append(referralCancelled(CASE_ID, cancelled, "client moved away"));

        assertThat(queries.find(CASE_ID).orElseThrow().referrals())
                .extracting(ReferralView::referralId, ReferralView::status, ReferralView::outcomeReason)
                .containsExactly(
                        tuple(accepted, ReferralStatus.ACCEPTED, null),
                        tuple(completed, ReferralStatus.COMPLETED, "moved in"),
                        tuple(cancelled, ReferralStatus.CANCELLED, "client moved away"));
    }

    @Test
    void closingACaseRecordsTheClosure() {
        stream.append(caseOpened(CASE_ID));

        stream.append(caseClosed(CASE_ID));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFile.version()).isEqualTo(1);
        assertThat(caseFile.updatedAt()).isEqualTo(recordedAt(1));
        assertThat(caseFile.closedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(caseFile.closureReason()).isEqualTo(ClosureReason.RELEASED_FROM_TREATMENT);
        assertThat(caseFile.closureSummary()).isEqualTo("goals met");
        assertThat(caseFile.reopenReason()).isNull();
    }

    @Test
    void reopeningAClosedCaseOpensItAndClearsTheClosure() {
        stream.append(caseOpened(CASE_ID));
        stream.append(caseClosed(CASE_ID));

        stream.append(caseReopened(CASE_ID, "relapse reported by family"));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(caseFile.version()).isEqualTo(2);
        assertThat(caseFile.closedOn()).isNull();
        assertThat(caseFile.closureReason()).isNull();
        assertThat(caseFile.closureSummary()).isNull();
        assertThat(caseFile.reopenReason()).isEqualTo("relapse reported by family");
    }

    @Test
    void closingAReopenedCaseAgainClearsTheReopenReason() {
        stream.append(caseOpened(CASE_ID));
        stream.append(caseClosed(CASE_ID));
        stream.append(caseReopened(CASE_ID, "relapse reported by family"));

        stream.append(caseClosed(CASE_ID));

        CaseFileView caseFile = queries.find(CASE_ID).orElseThrow();
        assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseFile.version()).isEqualTo(3);
        assertThat(caseFile.closureReason()).isEqualTo(ClosureReason.RELEASED_FROM_TREATMENT);
        assertThat(caseFile.reopenReason()).isNull();
    }

    @Test
    void meetingsAreListedByWhenTheyHappenedNotWhenTheyWereRecorded() {
        // Ids run against both orders, so neither id nor recording order can pass for business time.
        UUID thirdOfMarch = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        UUID fifthOfMarch = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID fourthOfMarch = UUID.fromString("77777777-0000-0000-0000-000000000001");
        stream.append(caseOpened(CASE_ID));
        stream.append(meetingRecorded(CASE_ID, fifthOfMarch, Instant.parse("2026-03-05T09:00:00Z")));
        stream.append(meetingRecorded(CASE_ID, thirdOfMarch, Instant.parse("2026-03-03T09:00:00Z")));
        stream.append(meetingRecorded(CASE_ID, fourthOfMarch, Instant.parse("2026-03-04T09:00:00Z")));

        assertThat(queries.find(CASE_ID).orElseThrow().meetings())
                .extracting(MeetingView::meetingId)
                .containsExactly(thirdOfMarch, fourthOfMarch, fifthOfMarch);
    }

    @Test
    void meetingsThatHappenedAtTheSameTimeAreListedInRecordingOrder() {
        Instant sameTime = Instant.parse("2026-03-04T09:00:00Z");
        UUID recordedFirst = UUID.fromString("ffffffff-0000-0000-0000-000000000002");
        UUID recordedSecond = UUID.fromString("00000000-0000-0000-0000-000000000002");
        stream.append(caseOpened(CASE_ID));
        stream.append(meetingRecorded(CASE_ID, recordedFirst, sameTime));
        stream.append(meetingRecorded(CASE_ID, recordedSecond, sameTime));

        assertThat(queries.find(CASE_ID).orElseThrow().meetings())
                .extracting(MeetingView::meetingId)
                .containsExactly(recordedFirst, recordedSecond);
    }

    @Test
    void referralsAreListedInTheOrderTheyWereAdded() {
        UUID addedFirst = UUID.fromString("ffffffff-0000-0000-0000-000000000003");
        UUID addedSecond = UUID.fromString("00000000-0000-0000-0000-000000000003");
        UUID addedThird = UUID.fromString("77777777-0000-0000-0000-000000000003");
        stream.append(caseOpened(CASE_ID));
        stream.append(referralAdded(CASE_ID, addedFirst));
        stream.append(referralAdded(CASE_ID, addedSecond));
        stream.append(referralAccepted(CASE_ID, addedFirst));
        stream.append(referralAdded(CASE_ID, addedThird));

        assertThat(queries.find(CASE_ID).orElseThrow().referrals())
                .extracting(ReferralView::referralId)
                .containsExactly(addedFirst, addedSecond, addedThird);
    }

    @Test
    void eachCaseFileHoldsOnlyItsOwnMeetingsAndReferrals() {
        UUID otherCaseId = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a02");
        UUID ourMeeting = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e12");
        UUID theirMeeting = UUID.fromString("b1f0c8a4-37f5-4c3e-8d0e-0a7c2f4b9e13");
        UUID theirReferral = UUID.fromString("c2e1d9b5-48a6-4d4f-9e1f-1b8d3a5c0f23");
        CaseStream other = CaseStream.of(otherCaseId, projection);
        stream.append(caseOpened(CASE_ID));
        other.append(caseOpened(otherCaseId));
        stream.append(meetingRecorded(CASE_ID, ourMeeting, Instant.parse("2026-03-02T09:00:00Z"),
                new Attendee("Maria Rivera", "mother")));
        other.append(meetingRecorded(otherCaseId, theirMeeting, Instant.parse("2026-03-02T09:00:00Z"),
                new Attendee("Lee Chen", "father")));
        other.append(referralAdded(otherCaseId, theirReferral));

        CaseFileView ours = queries.find(CASE_ID).orElseThrow();
        assertThat(ours.meetings()).extracting(MeetingView::meetingId).containsExactly(ourMeeting);
        assertThat(ours.meetings().get(0).attendees()).containsExactly(new Attendee("Maria Rivera", "mother"));
        assertThat(ours.referrals()).isEmpty();
        assertThat(ours.version()).isEqualTo(1);
        assertThat(queries.find(otherCaseId).orElseThrow().version()).isEqualTo(2);
    }
}
