package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLIENT;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.REFERRAL_ID;
import static org.caserecord.domain.casefile.CaseFixtures.TODAY;
import static org.caserecord.domain.casefile.CaseFixtures.addReferral;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;
import static org.caserecord.domain.casefile.CaseFixtures.closeCase;
import static org.caserecord.domain.casefile.CaseFixtures.meetingRecorded;
import static org.caserecord.domain.casefile.CaseFixtures.openCase;
import static org.caserecord.domain.casefile.CaseFixtures.recordMeeting;
import static org.caserecord.domain.casefile.CaseFixtures.referralAdded;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralCancelled;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseFileTest {

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CaseRejection rejection(CaseErrorCode code, String field) {
        return new CaseRejection(code, field);
    }

    @Nested
    class OpeningACase {

        @Test
        void openingACaseRecordsCaseOpened() {
            fixture.givenNoPriorActivity()
                    .when(openCase())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(caseOpened());
        }

        @Test
        void cannotOpenACaseDatedInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE_ID, CLIENT, "ada", TODAY.plusDays(1), null, null))
                    .expectException(CaseCommandRejected.class)
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "openedOn"))
                    .expectNoEvents();
        }

        @Test
        void clientMustBeBornBeforeTheCaseOpens() {
            Client unborn = new Client("Jordan Rivera", TODAY);
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE_ID, unborn, "ada", TODAY.minusDays(1), null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_OF_BIRTH_AFTER_OPENING, "client.dateOfBirth"))
                    .expectNoEvents();
        }

        @Test
        void clientNameIsRequired() {
            Client nameless = new Client("  ", LocalDate.of(1990, 1, 1));
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE_ID, nameless, "ada", TODAY, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "client.name"))
                    .expectNoEvents();
        }

        @Test
        void caseManagerIsRequired() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE_ID, CLIENT, null, TODAY, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "caseManagerId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingMeetings {

        @Test
        void recordingAMeetingRecordsMeetingRecordedAndAnswersTheNewVersion() {
            fixture.given(caseOpened())
                    .when(recordMeeting(NOW.minusSeconds(3600), 45))
                    .expectEvents(meetingRecorded(NOW.minusSeconds(3600), 45))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotRecordAMeetingThatLiesInTheFuture() {
            fixture.given(caseOpened())
                    .when(recordMeeting(NOW.plus(Duration.ofHours(2)), 45))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "occurredAt"))
                    .expectNoEvents();
        }

        @Test
        void aMeetingStampedWithinTheAllowedClockSkewIsAccepted() {
            fixture.given(caseOpened())
                    .when(recordMeeting(NOW.plusSeconds(30), 30))
                    .expectEvents(meetingRecorded(NOW.plusSeconds(30), 30));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 1441, 10_000})
        void meetingDurationOutsideOneMinuteToOneDayIsRejected(int minutes) {
            fixture.given(caseOpened())
                    .when(recordMeeting(NOW.minusSeconds(60), minutes))
                    .expectExceptionDetails(rejection(CaseErrorCode.DURATION_OUT_OF_RANGE, "durationMinutes"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 1440})
        void meetingDurationBoundsAreInclusive(int minutes) {
            fixture.given(caseOpened())
                    .when(recordMeeting(NOW.minusSeconds(60), minutes))
                    .expectEvents(meetingRecorded(NOW.minusSeconds(60), minutes));
        }

        @Test
        void aMeetingExpectingTheCurrentVersionIsRecorded() {
            fixture.given(caseOpened())
                    .when(withExpectedVersion(recordMeeting(NOW.minusSeconds(60), 30), 0L))
                    .expectEvents(meetingRecorded(NOW.minusSeconds(60), 30));
        }

        @Test
        void aMeetingExpectingAnOlderVersionIsRefused() {
            fixture.given(caseOpened(), referralAdded())
                    .when(withExpectedVersion(recordMeeting(NOW.minusSeconds(60), 30), 0L))
                    .expectExceptionDetails(rejection(CaseErrorCode.VERSION_MISMATCH, null))
                    .expectNoEvents();
        }

        private org.caserecord.domain.commands.RecordMeeting withExpectedVersion(
                org.caserecord.domain.commands.RecordMeeting command, Long version) {
            return new org.caserecord.domain.commands.RecordMeeting(command.caseId(), command.meetingId(),
                    command.type(), command.occurredAt(), command.durationMinutes(), command.attendees(),
                    command.notes(), version);
        }

        @Test
        void cannotRecordTheSameMeetingTwice() {
            fixture.given(caseOpened(), meetingRecorded(NOW.minusSeconds(60), 30))
                    .when(recordMeeting(NOW.minusSeconds(60), 30))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_MEETING, "meetingId"))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAMeetingOnAClosedCase() {
            fixture.given(caseOpened(), caseClosed())
                    .when(recordMeeting(NOW.minusSeconds(60), 30))
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        @Test
        void aMeetingOnACaseThatNeverOpenedIsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(recordMeeting(NOW.minusSeconds(60), 30))
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class Referrals {

        @Test
        void addingAReferralRecordsReferralAdded() {
            fixture.given(caseOpened())
                    .when(addReferral())
                    .expectEvents(referralAdded())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotAddAReferralOnAClosedCase() {
            fixture.given(caseOpened(), caseClosed())
                    .when(addReferral())
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        @Test
        void referralIdsAreUniqueWithinACase() {
            fixture.given(caseOpened(), referralAdded())
                    .when(addReferral())
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_REFERRAL, "referralId"))
                    .expectNoEvents();
        }

        @Test
        void pendingReferralCanBeAccepted() {
            fixture.given(caseOpened(), referralAdded())
                    .when(outcome(ReferralOutcome.ACCEPTED, null))
                    .expectEvents(new ReferralAccepted(CASE_ID, REFERRAL_ID, null));
        }

        @Test
        void pendingReferralCanBeDeclinedWithAReason() {
            fixture.given(caseOpened(), referralAdded())
                    .when(outcome(ReferralOutcome.DECLINED, "waiting list closed"))
                    .expectEvents(new ReferralDeclined(CASE_ID, REFERRAL_ID, "waiting list closed", null));
        }

        @Test
        void aDeclineMaySayWhyAsACategory() {
            fixture.given(caseOpened(), referralAdded())
                    .when(new RecordReferralOutcome(CASE_ID, REFERRAL_ID, ReferralOutcome.DECLINED, "waiting list closed",
                            ReferralDeclineReason.NO_CAPACITY, null))
                    .expectEvents(new ReferralDeclined(CASE_ID, REFERRAL_ID, "waiting list closed",
                            ReferralDeclineReason.NO_CAPACITY));
        }

        @ParameterizedTest
        @CsvSource({"ACCEPTED", "CANCELLED"})
        void onlyADeclineHasADeclineReason(ReferralOutcome outcome) {
            fixture.given(caseOpened(), referralAdded())
                    .when(new RecordReferralOutcome(CASE_ID, REFERRAL_ID, outcome, "why",
                            ReferralDeclineReason.NOT_ELIGIBLE, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DECLINE_REASON_ONLY_WHEN_DECLINED, "declineReason"))
                    .expectNoEvents();
        }

        @Test
        void acceptedReferralCanBeCompleted() {
            fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null))
                    .when(outcome(ReferralOutcome.COMPLETED, "placed"))
                    .expectEvents(new ReferralCompleted(CASE_ID, REFERRAL_ID, "placed"));
        }

        @Test
        void acceptedReferralCanBeCancelledWithAReason() {
            fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null))
                    .when(outcome(ReferralOutcome.CANCELLED, "client moved"))
                    .expectEvents(new ReferralCancelled(CASE_ID, REFERRAL_ID, "client moved"));
        }

        @ParameterizedTest
        @CsvSource(nullValues = "null", value = {"DECLINED, null", "DECLINED, '  '", "CANCELLED, null", "CANCELLED, ''"})
        void declineAndCancelRequireAReason(ReferralOutcome outcome, String reason) {
            fixture.given(caseOpened(), referralAdded())
                    .when(outcome(outcome, reason))
                    .expectExceptionDetails(rejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @Test
        void pendingReferralCannotBeCompletedBeforeItIsAccepted() {
            fixture.given(caseOpened(), referralAdded())
                    .when(outcome(ReferralOutcome.COMPLETED, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REFERRAL_TRANSITION_NOT_ALLOWED, "outcome"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({"ACCEPTED", "DECLINED"})
        void acceptedReferralCannotBeAcceptedOrDeclinedAgain(ReferralOutcome outcome) {
            fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null))
                    .when(outcome(outcome, "why"))
                    .expectExceptionDetails(rejection(CaseErrorCode.REFERRAL_TRANSITION_NOT_ALLOWED, "outcome"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({
                "DECLINED, ACCEPTED", "DECLINED, COMPLETED", "DECLINED, CANCELLED", "DECLINED, DECLINED",
                "COMPLETED, ACCEPTED", "COMPLETED, CANCELLED", "COMPLETED, COMPLETED",
                "CANCELLED, ACCEPTED", "CANCELLED, COMPLETED", "CANCELLED, CANCELLED"})
        void nothingIsRecordedAfterAFinalOutcome(ReferralOutcome finalOutcome, ReferralOutcome next) {
            Object finalEvent = switch (finalOutcome) {
                case DECLINED -> new ReferralDeclined(CASE_ID, REFERRAL_ID, "no capacity", null);
                case COMPLETED -> new ReferralCompleted(CASE_ID, REFERRAL_ID, null);
                case CANCELLED -> new ReferralCancelled(CASE_ID, REFERRAL_ID, "client moved");
                case ACCEPTED -> throw new IllegalArgumentException("not final");
            };
            var given = finalOutcome == ReferralOutcome.COMPLETED
                    ? fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null),
                    finalEvent)
                    : fixture.given(caseOpened(), referralAdded(), finalEvent);
            given.when(outcome(next, "because"))
                    .expectExceptionDetails(rejection(CaseErrorCode.REFERRAL_TRANSITION_NOT_ALLOWED, "outcome"))
                    .expectNoEvents();
        }

        @Test
        void outcomeForAnUnknownReferralIsNotFound() {
            fixture.given(caseOpened())
                    .when(new RecordReferralOutcome(CASE_ID, UUID.randomUUID(), ReferralOutcome.ACCEPTED, null, null, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REFERRAL_NOT_FOUND, "referralId"))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAReferralOutcomeOnAClosedCase() {
            fixture.given(caseOpened(), referralAdded(), new ReferralDeclined(CASE_ID, REFERRAL_ID, "full", null),
                            caseClosed())
                    .when(outcome(ReferralOutcome.ACCEPTED, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        private RecordReferralOutcome outcome(ReferralOutcome outcome, String reason) {
            return new RecordReferralOutcome(CASE_ID, REFERRAL_ID, outcome, reason, null, null);
        }
    }

    @Nested
    class ClosingAndReopening {

        @Test
        void closingACaseRecordsCaseClosed() {
            fixture.given(caseOpened())
                    .when(closeCase())
                    .expectEvents(caseClosed())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aCaseWithAPendingReferralCannotClose() {
            fixture.given(caseOpened(), referralAdded())
                    .when(closeCase())
                    .expectExceptionDetails(rejection(CaseErrorCode.OPEN_REFERRALS_BLOCK_CLOSURE, null))
                    .expectNoEvents();
        }

        @Test
        void aCaseWithAnAcceptedReferralCannotClose() {
            fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null))
                    .when(closeCase())
                    .expectExceptionDetails(rejection(CaseErrorCode.OPEN_REFERRALS_BLOCK_CLOSURE, null))
                    .expectNoEvents();
        }

        @Test
        void aCaseWhoseReferralsAllHaveFinalOutcomesCanClose() {
            fixture.given(caseOpened(), referralAdded(), new ReferralAccepted(CASE_ID, REFERRAL_ID, null),
                            new ReferralCompleted(CASE_ID, REFERRAL_ID, null))
                    .when(closeCase())
                    .expectEvents(new CaseClosed(CASE_ID, ClosureReason.RELEASED_FROM_TREATMENT, "goals met", TODAY));
        }

        @Test
        void aCaseCannotCloseBeforeItOpened() {
            fixture.given(caseOpened())
                    .when(new CloseCase(CASE_ID, ClosureReason.OTHER, null, LocalDate.of(2026, 2, 1), null))
                    .expectExceptionDetails(rejection(CaseErrorCode.CLOSED_BEFORE_OPENED, "closedOn"))
                    .expectNoEvents();
        }

        @Test
        void aCaseCannotCloseOnAFutureDate() {
            fixture.given(caseOpened())
                    .when(new CloseCase(CASE_ID, ClosureReason.OTHER, null, TODAY.plusDays(1), null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "closedOn"))
                    .expectNoEvents();
        }

        @Test
        void closingNeedsAReason() {
            fixture.given(caseOpened())
                    .when(new CloseCase(CASE_ID, null, null, TODAY, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "reason"))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseCannotCloseAgain() {
            fixture.given(caseOpened(), caseClosed())
                    .when(closeCase())
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseCanBeReopened() {
            fixture.given(caseOpened(), caseClosed())
                    .when(new ReopenCase(CASE_ID, "client returned", null))
                    .expectEvents(new CaseReopened(CASE_ID, "client returned"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anOpenCaseCannotBeReopened() {
            fixture.given(caseOpened())
                    .when(new ReopenCase(CASE_ID, "client returned", null))
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_NOT_CLOSED, null))
                    .expectNoEvents();
        }

        @Test
        void reopeningNeedsAReason() {
            fixture.given(caseOpened(), caseClosed())
                    .when(new ReopenCase(CASE_ID, " ", null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @Test
        void aReopenedCaseAcceptsMeetingsAgain() {
            fixture.given(caseOpened(), caseClosed(), new CaseReopened(CASE_ID, "client returned"))
                    .when(recordMeeting(NOW.minusSeconds(60), 20))
                    .expectEvents(meetingRecorded(NOW.minusSeconds(60), 20))
                    .expectResultMessagePayload(3L);
        }
    }
}
