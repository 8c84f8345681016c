package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.AddCoverage;
import org.caserecord.domain.commands.EndCoverage;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.events.CoverageEnded;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.SubscriberRelationship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Insurance coverage of a client: periods per priority that never overlap, ended once. */
class CaseFileCoverageTest {

    private static final UUID COVERAGE_ID = UUID.fromString("00000000-0000-0000-0000-0000000c0001");
    private static final UUID OTHER_COVERAGE_ID = UUID.fromString("00000000-0000-0000-0000-0000000c0002");
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static AddCoverage add(UUID id, String memberId, LocalDate from, LocalDate to, CoveragePriority priority) {
        return new AddCoverage(CASE_ID, id, "MCD-CA", "Medi-Cal", "Medi-Cal Managed Care", memberId, "G-77",
                SubscriberRelationship.SELF, from, to, priority, null);
    }

    private static CoverageAdded added(UUID id, LocalDate from, LocalDate to, CoveragePriority priority) {
        return new CoverageAdded(CASE_ID, id, "MCD-CA", "Medi-Cal", "Medi-Cal Managed Care", "M123", "G-77",
                SubscriberRelationship.SELF, from, to, priority);
    }

    @Test
    void coverageIsRecorded() {
        fixture.given(caseOpened())
                .when(add(COVERAGE_ID, "M123", JAN_1, null, CoveragePriority.PRIMARY))
                .expectEvents(added(COVERAGE_ID, JAN_1, null, CoveragePriority.PRIMARY))
                .expectResultMessagePayload(1L);
    }

    @Test
    void coverageCanBeAddedToAClosedCaseForClaimsFiledLate() {
        fixture.given(caseOpened(), caseClosed())
                .when(add(COVERAGE_ID, "M123", JAN_1, JUN_30, CoveragePriority.PRIMARY))
                .expectEvents(added(COVERAGE_ID, JAN_1, JUN_30, CoveragePriority.PRIMARY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void coverageNeedsAMemberId(String memberId) {
        fixture.given(caseOpened())
                .when(add(COVERAGE_ID, memberId, JAN_1, null, CoveragePriority.PRIMARY))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "memberId"))
                .expectNoEvents();
    }

    @Test
    void coverageCannotEndBeforeItStarts() {
        fixture.given(caseOpened())
                .when(add(COVERAGE_ID, "M123", JUN_30, JAN_1, CoveragePriority.PRIMARY))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_ENDS_BEFORE_IT_STARTS, "effectiveTo"))
                .expectNoEvents();
    }

    @Test
    void twoPrimaryPlansCannotCoverTheSameDayButAPrimaryAndASecondaryCan() {
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, JUN_30, CoveragePriority.PRIMARY))
                .when(add(OTHER_COVERAGE_ID, "M9", JUN_30, null, CoveragePriority.PRIMARY))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_OVERLAPS, "effectiveFrom"))
                .expectNoEvents();
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, JUN_30, CoveragePriority.PRIMARY))
                .when(add(OTHER_COVERAGE_ID, "M9", JUN_30.plusDays(1), null, CoveragePriority.PRIMARY))
                .expectSuccessfulHandlerExecution();
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, null, CoveragePriority.PRIMARY))
                .when(add(OTHER_COVERAGE_ID, "M9", JAN_1, null, CoveragePriority.SECONDARY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRepeatedCoverageIdIsADuplicate() {
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, JUN_30, CoveragePriority.PRIMARY))
                .when(add(COVERAGE_ID, "M123", JUN_30.plusDays(1), null, CoveragePriority.SECONDARY))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.DUPLICATE_ENTRY, "coverageId"))
                .expectNoEvents();
    }

    @Test
    void coverageEndsOnceAndNotBeforeItStarted() {
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, null, CoveragePriority.PRIMARY))
                .when(new EndCoverage(CASE_ID, COVERAGE_ID, JUN_30, null))
                .expectEvents(new CoverageEnded(CASE_ID, COVERAGE_ID, JUN_30));
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, null, CoveragePriority.PRIMARY),
                        new CoverageEnded(CASE_ID, COVERAGE_ID, JUN_30))
                .when(new EndCoverage(CASE_ID, COVERAGE_ID, JUN_30, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_ALREADY_ENDED, "coverageId"));
        fixture.given(caseOpened(), added(COVERAGE_ID, JUN_30, null, CoveragePriority.PRIMARY))
                .when(new EndCoverage(CASE_ID, COVERAGE_ID, JAN_1, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_ENDS_BEFORE_IT_STARTS, "endedOn"));
        fixture.given(caseOpened())
                .when(new EndCoverage(CASE_ID, COVERAGE_ID, JUN_30, null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_NOT_FOUND, "coverageId"));
    }

    @Test
    void anEndedCoverageFreesItsPriorityAfterItsEnd() {
        fixture.given(caseOpened(), added(COVERAGE_ID, JAN_1, null, CoveragePriority.PRIMARY),
                        new CoverageEnded(CASE_ID, COVERAGE_ID, JUN_30))
                .when(add(OTHER_COVERAGE_ID, "M9", JUN_30.plusDays(1), null, CoveragePriority.PRIMARY))
                .expectSuccessfulHandlerExecution();
    }
}
