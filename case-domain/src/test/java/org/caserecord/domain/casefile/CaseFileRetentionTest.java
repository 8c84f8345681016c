package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.DisposeCaseRecord;
import org.caserecord.domain.commands.GrantEmergencyAccess;
import org.caserecord.domain.commands.PlaceLegalHold;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.ReleaseLegalHold;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.retention.RetentionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Legal holds and disposal. The fixture's clock reads 2026-03-10; under the default policy an adult's
 * record closed on 2019-03-10 may be disposed of from today, one closed a day later not yet.
 */
class CaseFileRetentionTest {

    private static final UUID HOLD_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SECOND_HOLD_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final LocalDate OPENED_ON = LocalDate.of(2015, 9, 1);
    private static final String DISPOSAL_REASON = "retention period ended";

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(RetentionPolicy.defaults());
    }

    private static CaseOpened openedLongAgo(LocalDate dateOfBirth) {
        return new CaseOpened(CASE_ID, new Client("Jordan Rivera", dateOfBirth), "ada", OPENED_ON, null, null);
    }

    private static CaseClosed closedOn(LocalDate closedOn) {
        return new CaseClosed(CASE_ID, ClosureReason.RELEASED_FROM_TREATMENT, "goals met", closedOn);
    }

    private static final LocalDate ADULT = LocalDate.of(1970, 1, 1);
    private static final LocalDate DISPOSABLE_FROM_TODAY = LocalDate.of(2019, 3, 10);

    private static PlaceLegalHold placeHold(UUID holdId) {
        return new PlaceLegalHold(CASE_ID, holdId, "subpoena in a custody dispute", "CV-2026-0142", null);
    }

    private static LegalHoldPlaced holdPlaced(UUID holdId) {
        return new LegalHoldPlaced(CASE_ID, holdId, "subpoena in a custody dispute", "CV-2026-0142");
    }

    private static DisposeCaseRecord dispose() {
        return new DisposeCaseRecord(CASE_ID, DISPOSAL_REASON, null);
    }

    @Nested
    class LegalHolds {

        @Test
        void aHoldIsPlacedOnAnOpenCase() {
            fixture.given(caseOpened())
                    .when(placeHold(HOLD_ID))
                    .expectEvents(holdPlaced(HOLD_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aHoldIsPlacedOnAClosedCaseToo() {
            fixture.given(caseOpened(), caseClosed())
                    .when(placeHold(HOLD_ID))
                    .expectEvents(holdPlaced(HOLD_ID));
        }

        @Test
        void severalHoldsApplyAtOnce() {
            fixture.given(caseOpened(), holdPlaced(HOLD_ID))
                    .when(placeHold(SECOND_HOLD_ID))
                    .expectEvents(holdPlaced(SECOND_HOLD_ID));
        }

        @Test
        void aHoldIdIsUsedOnce() {
            fixture.given(caseOpened(), holdPlaced(HOLD_ID), new LegalHoldReleased(CASE_ID, HOLD_ID, "settled"))
                    .when(placeHold(HOLD_ID))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.DUPLICATE_ENTRY, "holdId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aHoldNeedsAReason(String reason) {
            fixture.given(caseOpened())
                    .when(new PlaceLegalHold(CASE_ID, HOLD_ID, reason, "CV-2026-0142", null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aHoldNamesItsMatter(String matter) {
            fixture.given(caseOpened())
                    .when(new PlaceLegalHold(CASE_ID, HOLD_ID, "subpoena", matter, null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "matterReference"))
                    .expectNoEvents();
        }

        @Test
        void aHoldIsReleasedForAReason() {
            fixture.given(caseOpened(), caseClosed(), holdPlaced(HOLD_ID))
                    .when(new ReleaseLegalHold(CASE_ID, HOLD_ID, "case settled", null))
                    .expectEvents(new LegalHoldReleased(CASE_ID, HOLD_ID, "case settled"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aHoldIsReleasedOnce() {
            fixture.given(caseOpened(), holdPlaced(HOLD_ID), new LegalHoldReleased(CASE_ID, HOLD_ID, "settled"))
                    .when(new ReleaseLegalHold(CASE_ID, HOLD_ID, "again", null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.LEGAL_HOLD_ALREADY_RELEASED, "holdId"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownHoldIsNotFound() {
            fixture.given(caseOpened())
                    .when(new ReleaseLegalHold(CASE_ID, HOLD_ID, "settled", null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.LEGAL_HOLD_NOT_FOUND, "holdId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void releasingNeedsAReason(String reason) {
            fixture.given(caseOpened(), holdPlaced(HOLD_ID))
                    .when(new ReleaseLegalHold(CASE_ID, HOLD_ID, reason, null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(caseOpened(), caseClosed())
                    .when(new PlaceLegalHold(CASE_ID, HOLD_ID, "subpoena", "CV-1", 0L))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.VERSION_MISMATCH, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Disposal {

        @Test
        void aRecordIsDisposedOfOnTheFirstDayItsRetentionAllows() {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY))
                    .when(dispose())
                    .expectEvents(new CaseRecordDisposed(CASE_ID, DISPOSAL_REASON, DISPOSABLE_FROM_TODAY,
                            RetentionPolicy.defaults()))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aDayEarlierItIsRefused() {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY.plusDays(1)))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.RETENTION_PERIOD_NOT_OVER, null))
                    .expectNoEvents();
        }

        @Test
        void aMinorsRecordWaitsForTheYearsAfterMajority() {
            // 12 at closure in 2019: kept until 2014-05-01 + 25 years, long after closure + 7.
            fixture.given(openedLongAgo(LocalDate.of(2006, 5, 1)), closedOn(LocalDate.of(2018, 6, 30)))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.RETENTION_PERIOD_NOT_OVER, null))
                    .expectNoEvents();
        }

        @Test
        void theConfiguredPolicyDecides() {
            FixtureConfiguration<CaseFile> threeYears = new AggregateTestFixture<>(CaseFile.class);
            threeYears.registerInjectableResource(CLOCK);
            threeYears.registerInjectableResource(new RetentionPolicy(3, 18, 7));
            threeYears.given(openedLongAgo(ADULT), closedOn(LocalDate.of(2023, 3, 10)))
                    .when(dispose())
                    .expectEvents(new CaseRecordDisposed(CASE_ID, DISPOSAL_REASON, LocalDate.of(2023, 3, 10),
                            new RetentionPolicy(3, 18, 7)));
        }

        @Test
        void anOpenCaseIsNotDisposedOf() {
            fixture.given(openedLongAgo(ADULT))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.DISPOSAL_OF_OPEN_CASE, null))
                    .expectNoEvents();
        }

        @Test
        void reopeningCancelsTheRetentionClock() {
            fixture.given(openedLongAgo(ADULT), closedOn(LocalDate.of(2018, 1, 5)),
                            new CaseReopened(CASE_ID, "client returned"))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.DISPOSAL_OF_OPEN_CASE, null))
                    .expectNoEvents();
        }

        @Test
        void theClockRestartsAtTheLatestClosure() {
            fixture.given(openedLongAgo(ADULT), closedOn(LocalDate.of(2018, 1, 5)),
                            new CaseReopened(CASE_ID, "client returned"), closedOn(LocalDate.of(2024, 2, 1)))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.RETENTION_PERIOD_NOT_OVER, null))
                    .expectNoEvents();
        }

        @Test
        void aHoldBlocksDisposal() {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY), holdPlaced(HOLD_ID))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.LEGAL_HOLD_BLOCKS_DISPOSAL, null))
                    .expectNoEvents();
        }

        @Test
        void oneOfTwoHoldsReleasedStillBlocks() {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY), holdPlaced(HOLD_ID),
                            holdPlaced(SECOND_HOLD_ID), new LegalHoldReleased(CASE_ID, HOLD_ID, "settled"))
                    .when(dispose())
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.LEGAL_HOLD_BLOCKS_DISPOSAL, null))
                    .expectNoEvents();
        }

        @Test
        void onceEveryHoldIsReleasedTheRecordMayGo() {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY), holdPlaced(HOLD_ID),
                            new LegalHoldReleased(CASE_ID, HOLD_ID, "settled"))
                    .when(dispose())
                    .expectEvents(new CaseRecordDisposed(CASE_ID, DISPOSAL_REASON, DISPOSABLE_FROM_TODAY,
                            RetentionPolicy.defaults()));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void disposalNeedsAReason(String reason) {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY))
                    .when(new DisposeCaseRecord(CASE_ID, reason, null))
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.caserecord.domain.casefile.CaseFileRetentionTest#everyKindOfCommand")
        void aDisposedRecordTakesNoFurtherCommand(Object command) {
            fixture.given(openedLongAgo(ADULT), closedOn(DISPOSABLE_FROM_TODAY),
                            new CaseRecordDisposed(CASE_ID, DISPOSAL_REASON, DISPOSABLE_FROM_TODAY,
                                    RetentionPolicy.defaults()))
                    .when(command)
                    .expectExceptionDetails(new CaseRejection(CaseErrorCode.CASE_DISPOSED, null))
                    .expectNoEvents();
        }
    }

    static Stream<Named<Object>> everyKindOfCommand() {
        Stream<Named<Object>> others = Stream.<Object>of(
                        dispose(),
                        placeHold(HOLD_ID),
                        new ReopenCase(CASE_ID, "client returned", null),
                        new GrantEmergencyAccess(CASE_ID, UUID.randomUUID(), "ben", "crisis", NOW.plusSeconds(600)),
                        new RecordDisclosure(CASE_ID, UUID.randomUUID(), new Recipient("Court", null, null),
                                DisclosurePurpose.LEGAL, "whole record", "subpoena", LocalDate.of(2026, 3, 1),
                                null, null, null))
                .map(command -> Named.of(command.getClass().getSimpleName(), command));
        return Stream.concat(others, ClinicalFixtures.clinicalRecordCommands());
    }

}
