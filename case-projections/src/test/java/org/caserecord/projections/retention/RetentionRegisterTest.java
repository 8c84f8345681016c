package org.caserecord.projections.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseReopened;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.model.Client;
import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.caserecord.projections.support.TestProjections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention register as the case file projection leaves it: the retain-until date set at
 * closure under the default policy, cleared by reopening, holds placed and released, and each
 * case's status worked out for the day asked about.
 */
@ExtendWith(ReadModelDatabaseExtension.class)
class RetentionRegisterTest {

    private static final UUID CASE_ID = UUID.fromString("7b1f6e1f-3c55-4e6f-8b68-6e3f6f1d2b02");
    private static final UUID HOLD_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final LocalDate CLOSED_ON = LocalDate.of(2026, 3, 20);

    private final RetentionQueries queries;
    private final CaseStream stream;

    RetentionRegisterTest(JdbcClient jdbc) {
        this.queries = new RetentionQueries(jdbc);
        this.stream = CaseStream.of(CASE_ID, TestProjections.caseFile(jdbc));
    }

    private RetentionEntry entry(LocalDate today) {
        return queries.register(today, null, null, null, 10).stream()
                .filter(entry -> entry.caseId().equals(CASE_ID))
                .findFirst()
                .orElseThrow();
    }

    private void open(LocalDate dateOfBirth) {
        stream.append(new CaseOpened(CASE_ID, new Client("Jordan Rivera", dateOfBirth), "ada",
                LocalDate.of(2026, 3, 1), null, null));
    }

    @Test
    void anOpenCaseIsActiveWithoutARetentionDate() {
        open(LocalDate.of(1990, 4, 2));

        RetentionEntry entry = entry(LocalDate.of(2026, 4, 1));
        assertThat(entry.status()).isEqualTo(RetentionStatus.ACTIVE);
        assertThat(entry.retainUntil()).isNull();
        assertThat(entry.closedOn()).isNull();
    }

    @Test
    void anAdultsClosedCaseIsRetainedUntilSevenYearsAfterClosureThenEligible() {
        open(LocalDate.of(1990, 4, 2));
        stream.append(caseClosed(CASE_ID));

        assertThat(entry(LocalDate.of(2033, 3, 19)).status()).isEqualTo(RetentionStatus.RETAINED);
        assertThat(entry(LocalDate.of(2033, 3, 19)).retainUntil()).isEqualTo(LocalDate.of(2033, 3, 20));
        assertThat(entry(LocalDate.of(2033, 3, 20)).status()).isEqualTo(RetentionStatus.ELIGIBLE);
        assertThat(entry(LocalDate.of(2033, 3, 20)).closedOn()).isEqualTo(CLOSED_ON);
    }

    @Test
    void aMinorsCaseIsRetainedUntilSevenYearsAfterMajority() {
        open(LocalDate.of(2015, 6, 1));
        stream.append(caseClosed(CASE_ID));

        assertThat(entry(LocalDate.of(2026, 4, 1)).retainUntil()).isEqualTo(LocalDate.of(2040, 6, 1));
    }

    @Test
    void reopeningStopsTheRetentionClock() {
        open(LocalDate.of(1990, 4, 2));
        stream.append(caseClosed(CASE_ID));
        stream.append(caseReopened(CASE_ID, "client returned"));

        RetentionEntry entry = entry(LocalDate.of(2040, 1, 1));
        assertThat(entry.status()).isEqualTo(RetentionStatus.ACTIVE);
        assertThat(entry.retainUntil()).isNull();
    }

    @Test
    void aHoldTrumpsEligibilityUntilItIsReleased() {
        open(LocalDate.of(1990, 4, 2));
        stream.append(caseClosed(CASE_ID));
        stream.append(new LegalHoldPlaced(CASE_ID, HOLD_ID, "subpoena", "CV-2026-0142"));

        RetentionEntry held = entry(LocalDate.of(2040, 1, 1));
        assertThat(held.status()).isEqualTo(RetentionStatus.ON_HOLD);
        assertThat(held.holds()).singleElement().satisfies(hold -> {
            assertThat(hold.holdId()).isEqualTo(HOLD_ID);
            assertThat(hold.matterReference()).isEqualTo("CV-2026-0142");
            assertThat(hold.placedBy()).isEqualTo(CaseStream.ACTOR);
        });
        assertThat(queries.register(LocalDate.of(2040, 1, 1), RetentionStatus.ELIGIBLE, null, null, 10)).isEmpty();

        stream.append(new LegalHoldReleased(CASE_ID, HOLD_ID, "settled"));

        assertThat(entry(LocalDate.of(2040, 1, 1)).status()).isEqualTo(RetentionStatus.ELIGIBLE);
        assertThat(queries.holdsOf(CASE_ID)).singleElement().satisfies(hold -> {
            assertThat(hold.reason()).isEqualTo("subpoena");
            assertThat(hold.releaseReason()).isEqualTo("settled");
            assertThat(hold.releasedAt()).isNotNull();
        });
    }

    @Test
    void theSummaryLooksNinetyDaysAhead() {
        open(LocalDate.of(1990, 4, 2));
        stream.append(caseClosed(CASE_ID));

        RetentionSummary inside = queries.summary(LocalDate.of(2033, 3, 20).minusDays(90), 90);
        RetentionSummary outside = queries.summary(LocalDate.of(2033, 3, 20).minusDays(91), 90);

        assertThat(inside.becomingEligible()).isEqualTo(1);
        assertThat(inside.becomingEligibleByMonth()).containsExactly(java.util.Map.entry("2033-03", 1L));
        assertThat(outside.becomingEligible()).isZero();
        assertThat(outside.byStatus()).containsEntry(RetentionStatus.RETAINED, 1L);
    }
}
