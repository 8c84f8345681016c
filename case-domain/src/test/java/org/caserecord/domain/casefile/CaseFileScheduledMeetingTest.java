package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.CancelScheduledMeeting;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordNoShow;
import org.caserecord.domain.commands.ScheduleMeeting;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scheduled meetings: set up for a time to come, and ended exactly once — held, cancelled or missed. */
class CaseFileScheduledMeetingTest {

    private static final UUID SCHEDULED_ID = UUID.fromString("00000000-0000-0000-0000-0000000005c1");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final List<Attendee> ATTENDEES = List.of(new Attendee("Maria Rivera", "mother"));

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static ScheduleMeeting schedule(Instant at, Integer minutes) {
        return new ScheduleMeeting(CASE_ID, SCHEDULED_ID, MeetingType.FAMILY, at, minutes, ATTENDEES,
                "clinic, room 2", "family session", null);
    }

    private static MeetingScheduled scheduled(Instant at) {
        return new MeetingScheduled(CASE_ID, SCHEDULED_ID, MeetingType.FAMILY, at, 60, ATTENDEES, "clinic, room 2",
                "family session");
    }

    private static RecordMeeting held(UUID scheduledMeetingId) {
        return new RecordMeeting(CASE_ID, MEETING_ID, MeetingType.FAMILY, NOW.minusSeconds(600), 55, ATTENDEES,
                "went well", null, scheduledMeetingId, null);
    }

    @Test
    void aMeetingIsScheduledForATimeToCome() {
        fixture.given(caseOpened())
                .when(schedule(TOMORROW, 60))
                .expectEvents(scheduled(TOMORROW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aTimeThatHasPassedIsRefused() {
        fixture.given(caseOpened())
                .when(schedule(NOW, 60))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.SCHEDULED_IN_THE_PAST, "scheduledFor"))
                .expectNoEvents();
    }

    @Test
    void aTimeMoreThanTwoYearsAheadIsATypingError() {
        fixture.given(caseOpened())
                .when(schedule(NOW.plus(Duration.ofDays(733)), 60))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.SCHEDULED_TOO_FAR_AHEAD, "scheduledFor"))
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(schedule(NOW.plus(Duration.ofDays(730)), 60))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1441})
    void thePlannedLengthIsAPlausibleMeeting(int minutes) {
        fixture.given(caseOpened())
                .when(schedule(TOMORROW, minutes))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.DURATION_OUT_OF_RANGE, "plannedMinutes"))
                .expectNoEvents();
    }

    @Test
    void holdingItRecordsTheMeetingAndEndsTheSchedule() {
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)))
                .when(held(SCHEDULED_ID))
                .expectEvents(new MeetingRecorded(CASE_ID, MEETING_ID, MeetingType.FAMILY, NOW.minusSeconds(600), 55,
                        ATTENDEES, "went well", null, SCHEDULED_ID));
    }

    @Test
    void aScheduledMeetingIsHeldOnce() {
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)), new MeetingRecorded(CASE_ID,
                        UUID.randomUUID(), MeetingType.FAMILY, NOW.minusSeconds(800), 55, ATTENDEES, "went well", null,
                        SCHEDULED_ID))
                .when(held(SCHEDULED_ID))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.SCHEDULED_MEETING_ENDED, "scheduledMeetingId"))
                .expectNoEvents();
    }

    @Test
    void aMeetingCannotNameAnUnknownSchedule() {
        fixture.given(caseOpened())
                .when(held(SCHEDULED_ID))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.SCHEDULED_MEETING_NOT_FOUND,
                        "scheduledMeetingId"))
                .expectNoEvents();
    }

    @Test
    void aScheduledMeetingIsCancelledForAReason() {
        fixture.given(caseOpened(), scheduled(TOMORROW))
                .when(new CancelScheduledMeeting(CASE_ID, SCHEDULED_ID, "client unwell", null))
                .expectEvents(new ScheduledMeetingCancelled(CASE_ID, SCHEDULED_ID, "client unwell"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void cancellingNeedsAReason(String reason) {
        fixture.given(caseOpened(), scheduled(TOMORROW))
                .when(new CancelScheduledMeeting(CASE_ID, SCHEDULED_ID, reason, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }

    @Test
    void aCancelledMeetingCannotBeHeldMissedOrCancelledAgain() {
        ScheduledMeetingCancelled cancelled = new ScheduledMeetingCancelled(CASE_ID, SCHEDULED_ID, "client unwell");
        CaseRejection ended = new CaseRejection(CaseErrorCode.SCHEDULED_MEETING_ENDED, "scheduledMeetingId");
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)), cancelled)
                .when(new CancelScheduledMeeting(CASE_ID, SCHEDULED_ID, "again", null))
                .expectExceptionDetails(ended);
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)), cancelled)
                .when(new RecordNoShow(CASE_ID, SCHEDULED_ID, null))
                .expectExceptionDetails(ended);
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)), cancelled)
                .when(held(SCHEDULED_ID))
                .expectExceptionDetails(ended);
    }

    @Test
    void aNoShowIsRecordedOnceTheTimeHasCome() {
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)))
                .when(new RecordNoShow(CASE_ID, SCHEDULED_ID, null))
                .expectEvents(new ScheduledMeetingMissed(CASE_ID, SCHEDULED_ID, NOW.minusSeconds(900)));
    }

    @Test
    void aNoShowBeforeTheMeetingsTimeIsRefused() {
        fixture.given(caseOpened(), scheduled(TOMORROW))
                .when(new RecordNoShow(CASE_ID, SCHEDULED_ID, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.NO_SHOW_BEFORE_ITS_TIME, "scheduledMeetingId"))
                .expectNoEvents();
    }

    @Test
    void aMissedMeetingCannotBeHeldAfterwards() {
        fixture.given(caseOpened(), scheduled(NOW.minusSeconds(900)),
                        new ScheduledMeetingMissed(CASE_ID, SCHEDULED_ID, NOW.minusSeconds(900)))
                .when(held(SCHEDULED_ID))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.SCHEDULED_MEETING_ENDED, "scheduledMeetingId"))
                .expectNoEvents();
    }

    @Test
    void anIdIsScheduledOnce() {
        fixture.given(caseOpened(), scheduled(TOMORROW))
                .when(schedule(TOMORROW.plusSeconds(3600), 30))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.DUPLICATE_ENTRY, "scheduledMeetingId"))
                .expectNoEvents();
    }
}
