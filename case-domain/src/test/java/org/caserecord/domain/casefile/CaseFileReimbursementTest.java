package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.DecideReimbursement;
import org.caserecord.domain.commands.FileReimbursementRequest;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.DiagnosisResolved;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.ReimbursementDecision;
import org.caserecord.domain.model.SubscriberRelationship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reimbursement requests: a meeting in a pending or paid request is never billed twice. */
class CaseFileReimbursementTest {

    private static final UUID COVERAGE_ID = UUID.fromString("00000000-0000-0000-0000-0000000c0001");
    private static final UUID REQUEST_ID = UUID.fromString("00000000-0000-0000-0000-0000000a0001");
    private static final UUID SECOND_REQUEST_ID = UUID.fromString("00000000-0000-0000-0000-0000000a0002");
    private static final UUID DIAGNOSIS_ID = UUID.fromString("00000000-0000-0000-0000-0000000d0001");
    private static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final ClaimLine LINE = new ClaimLine(MEETING_ID, MARCH_5, "T1017", List.of("HO"), 3,
            new BigDecimal("22.75"), new BigDecimal("68.25"), "11", "1245319599", List.of("F33.1"));

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CoverageAdded coverage(LocalDate from, LocalDate to) {
        return new CoverageAdded(CASE_ID, COVERAGE_ID, "MCD-CA", "Medi-Cal", "Managed Care", "M1", null,
                SubscriberRelationship.SELF, from, to, CoveragePriority.PRIMARY);
    }

    private static MeetingRecorded billedMeeting() {
        return new MeetingRecorded(CASE_ID, MEETING_ID, MeetingType.CLIENT, Instant.parse("2026-03-05T10:00:00Z"), 40,
                List.of(), "visit", new MeetingBilling("T1017", "11"));
    }

    private static DiagnosisRecorded diagnosis() {
        return new DiagnosisRecorded(CASE_ID, DIAGNOSIS_ID, "F33.1", "MDD, recurrent", true, "Dr. Chen", MARCH_1);
    }

    private static Object[] billable() {
        return new Object[] {caseOpened(), coverage(MARCH_1, null), diagnosis(), billedMeeting()};
    }

    private static FileReimbursementRequest request(UUID requestId, List<ClaimLine> lines) {
        return new FileReimbursementRequest(CASE_ID, requestId, COVERAGE_ID, MARCH_1, MARCH_31, lines);
    }

    private static ReimbursementRequested requested(UUID requestId) {
        return new ReimbursementRequested(CASE_ID, requestId, COVERAGE_ID, "MCD-CA", MARCH_1, MARCH_31, List.of(LINE),
                new BigDecimal("68.25"));
    }

    @Test
    void aRequestBundlesTheLinesAndTotalsThem() {
        fixture.given(billable())
                .when(request(REQUEST_ID, List.of(LINE)))
                .expectEvents(requested(REQUEST_ID));
    }

    @Test
    void aMeetingInAPendingOrPaidRequestIsNeverBilledAgain() {
        fixture.given(billable()).andGiven(requested(REQUEST_ID))
                .when(request(SECOND_REQUEST_ID, List.of(LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.MEETING_ALREADY_BILLED, "lines.meetingId"))
                .expectNoEvents();
        fixture.given(billable()).andGiven(requested(REQUEST_ID), new ReimbursementDecided(CASE_ID, REQUEST_ID,
                        ReimbursementDecision.PAID, new BigDecimal("68.25"), "EOB-1", null))
                .when(request(SECOND_REQUEST_ID, List.of(LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.MEETING_ALREADY_BILLED, "lines.meetingId"));
        fixture.given(billable())
                .when(request(REQUEST_ID, List.of(LINE, LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.MEETING_ALREADY_BILLED, "lines.meetingId"));
    }

    @Test
    void aDeniedRequestReleasesItsMeetings() {
        fixture.given(billable()).andGiven(requested(REQUEST_ID), new ReimbursementDecided(CASE_ID, REQUEST_ID,
                        ReimbursementDecision.DENIED, BigDecimal.ZERO, "EOB-2", "CO-16"))
                .when(request(SECOND_REQUEST_ID, List.of(LINE)))
                .expectEvents(requested(SECOND_REQUEST_ID));
    }

    @Test
    void nothingToBillNoCoverageOnTheDateOrNoActiveDiagnosisIsRefused() {
        fixture.given(billable())
                .when(request(REQUEST_ID, List.of()))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.NOTHING_TO_BILL, "periodFrom"));
        fixture.given(caseOpened(), coverage(LocalDate.of(2026, 3, 10), null), diagnosis(), billedMeeting())
                .when(request(REQUEST_ID, List.of(LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.COVERAGE_NOT_ACTIVE, "coverageId"));
        fixture.given(billable()).andGiven(new DiagnosisResolved(CASE_ID, DIAGNOSIS_ID, MARCH_31, "remission"))
                .when(request(REQUEST_ID, List.of(LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.NO_ACTIVE_DIAGNOSIS, null));
        fixture.given(caseOpened(), coverage(MARCH_1, null), diagnosis(), new MeetingRecorded(CASE_ID, MEETING_ID,
                        MeetingType.CLIENT, Instant.parse("2026-03-05T10:00:00Z"), 40, List.of(), "unbilled visit"))
                .when(request(REQUEST_ID, List.of(LINE)))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.MEETING_NOT_BILLABLE, "lines.meetingId"));
    }

    @Test
    void aDecisionIsRecordedOnceWithASensibleAmount() {
        fixture.given(billable()).andGiven(requested(REQUEST_ID))
                .when(new DecideReimbursement(CASE_ID, REQUEST_ID, ReimbursementDecision.PARTIALLY_PAID,
                        new BigDecimal("50.00"), "EOB-3", "CO-45"))
                .expectEvents(new ReimbursementDecided(CASE_ID, REQUEST_ID, ReimbursementDecision.PARTIALLY_PAID,
                        new BigDecimal("50.00"), "EOB-3", "CO-45"));
        fixture.given(billable()).andGiven(requested(REQUEST_ID), new ReimbursementDecided(CASE_ID, REQUEST_ID,
                        ReimbursementDecision.PAID, new BigDecimal("68.25"), "EOB-1", null))
                .when(new DecideReimbursement(CASE_ID, REQUEST_ID, ReimbursementDecision.DENIED, null, "EOB-9", null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUEST_ALREADY_DECIDED, "requestId"));
        fixture.given(billable()).andGiven(requested(REQUEST_ID))
                .when(new DecideReimbursement(CASE_ID, REQUEST_ID, ReimbursementDecision.PAID,
                        new BigDecimal("99.00"), "EOB-1", null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.AMOUNT_PAID_INVALID, "amountPaid"));
        fixture.given(billable())
                .when(new DecideReimbursement(CASE_ID, REQUEST_ID, ReimbursementDecision.PAID,
                        new BigDecimal("1.00"), "EOB-1", null))
                .expectExceptionDetails(new CaseRejection(CaseErrorCode.REQUEST_NOT_FOUND, "requestId"));
    }
}
