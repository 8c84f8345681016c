package org.caserecord.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.caserecord.projections.support.CaseEvents.CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.CLIENT;
import static org.caserecord.projections.support.CaseEvents.OPENED_ON;
import static org.caserecord.projections.support.CaseEvents.OTHER_CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseOpened;
import static org.caserecord.projections.support.CaseEvents.caseReopened;
import static org.caserecord.projections.support.CaseEvents.meetingRecorded;
import static org.caserecord.projections.support.CaseEvents.referralAccepted;
import static org.caserecord.projections.support.CaseEvents.referralAdded;
import static org.caserecord.projections.support.CaseEvents.referralCancelled;
import static org.caserecord.projections.support.CaseEvents.referralCompleted;
import static org.caserecord.projections.support.CaseEvents.referralDeclined;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The caseload read model: who manages which open case, the last contact and the referral counts. */
@ExtendWith(ReadModelDatabaseExtension.class)
class CaseloadProjectionTest {

    private static final UUID CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a01");
    private static final UUID OTHER_CASE_ID = UUID.fromString("6a0f5d0e-2b44-4d5f-9a57-5d2e5f0c1a02");

    private final JdbcClient jdbc;
    private final CaseloadProjection projection;
    private final CaseloadQueries queries;
    private final CaseStream stream;

    CaseloadProjectionTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.projection = new CaseloadProjection(jdbc);
        this.queries = new CaseloadQueries(jdbc);
        this.stream = CaseStream.of(CASE_ID, projection);
    }

    @Test
    void openingACaseAddsAnOpenEntryToItsManagersCaseload() {
        stream.append(caseOpened(CASE_ID));

        CaseloadPage caseload = queries.openCases(CASE_MANAGER, 50, null);
        assertThat(caseload.caseManagerId()).isEqualTo(CASE_MANAGER);
        assertThat(caseload.nextCursor()).isNull();
        assertThat(caseload.cases()).singleElement().satisfies(entry -> {
            assertThat(entry.caseId()).isEqualTo(CASE_ID);
            assertThat(entry.clientName()).isEqualTo(CLIENT.name());
            assertThat(entry.openedOn()).isEqualTo(OPENED_ON);
            assertThat(entry.lastContactAt()).isNull();
            assertThat(entry.pendingReferrals()).isZero();
            assertThat(entry.openReferrals()).isZero();
            assertThat(entry.version()).isZero();
        });
        assertThat(statusOf(CASE_ID)).isEqualTo("OPEN");
    }

    @Test
    void aCaseAppearsOnlyInItsOwnManagersCaseload() {
        stream.append(caseOpened(CASE_ID, CASE_MANAGER, OPENED_ON));
        CaseStream.of(OTHER_CASE_ID, projection).append(caseOpened(OTHER_CASE_ID, OTHER_CASE_MANAGER, OPENED_ON));

        assertThat(queries.openCases(CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId).containsExactly(CASE_ID);
        assertThat(queries.openCases(OTHER_CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId).containsExactly(OTHER_CASE_ID);
        assertThat(queries.openCases("nobody", 50, null).cases()).isEmpty();
    }

    @Test
    void theFirstMeetingSetsTheLastContact() {
        Instant occurredAt = Instant.parse("2026-03-02T10:30:00.123456Z");
        stream.append(caseOpened(CASE_ID));

        stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), occurredAt));

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.lastContactAt()).isEqualTo(occurredAt);
        assertThat(entry.version()).isEqualTo(1);
    }

    @Test
    void aLaterMeetingMovesTheLastContactForward() {
        Instant earlier = Instant.parse("2026-03-02T10:30:00Z");
        Instant later = Instant.parse("2026-03-06T14:00:00Z");
        stream.append(caseOpened(CASE_ID));
        stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), earlier));

        stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), later));

        assertThat(onlyEntry().lastContactAt()).isEqualTo(later);
    }

    @Test
    void aBackDatedMeetingDoesNotMoveTheLastContactBackwards() {
        Instant earlier = Instant.parse("2026-03-02T10:30:00Z");
        Instant later = Instant.parse("2026-03-06T14:00:00Z");
        stream.append(caseOpened(CASE_ID));
        stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), later));

        stream.append(meetingRecorded(CASE_ID, UUID.randomUUID(), earlier));

        CaseloadEntry entry = onlyEntry();
        assertThat(entry.lastContactAt()).isEqualTo(later);
        // The back-dated meeting was applied (the version moved on); it just is not the latest contact.
        assertThat(entry.version()).isEqualTo(2);
    }

    @Test
    void referralCountsFollowEachReferralThroughItsLifecycle() {
        UUID housing = UUID.fromString("10000000-0000-0000-0000-000000000001");
        UUID therapy = UUID.fromString("10000000-0000-0000-0000-000000000002");
        UUID dayCentre = UUID.fromString("10000000-0000-0000-0000-000000000003");
        stream.append(caseOpened(CASE_ID));

        stream.append(referralAdded(CASE_ID, housing));
        assertCounts(1, 1);
        stream.append(referralAdded(CASE_ID, therapy));
        assertCounts(2, 2);
        stream.append(referralAccepted(CASE_ID, housing));
        assertCounts(1, 2);
        stream.append(referralDeclined(CASE_ID, therapy, "not taking new clients"));
        assertCounts(0, 1);
        stream.append(referralAdded(CASE_ID, dayCentre));
        assertCounts(1, 2);
        stream.append(referralCompleted(CASE_ID, housing));
        assertCounts(1, 1);
        stream.append(referralCancelled(CASE_ID, dayCentre, "client moved away"));
        assertCounts(0, 0);
    }

    @Test
    void referralCountsAreKeptPerCase() {
        CaseStream other = CaseStream.of(OTHER_CASE_ID, projection);
        stream.append(caseOpened(CASE_ID));
        other.append(caseOpened(OTHER_CASE_ID));
        stream.append(referralAdded(CASE_ID, UUID.randomUUID()));
        other.append(referralAdded(OTHER_CASE_ID, UUID.randomUUID()));
        other.append(referralAdded(OTHER_CASE_ID, UUID.randomUUID()));

        assertThat(queries.openCases(CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId, CaseloadEntry::pendingReferrals)
                .containsExactlyInAnyOrder(
                        tuple(CASE_ID, 1),
                        tuple(OTHER_CASE_ID, 2));
    }

    @Test
    void aClosedCaseLeavesTheCaseloadAndComesBackWhenReopened() {
        CaseStream other = CaseStream.of(OTHER_CASE_ID, projection);
        stream.append(caseOpened(CASE_ID, CASE_MANAGER, LocalDate.of(2026, 2, 1)));
        other.append(caseOpened(OTHER_CASE_ID, CASE_MANAGER, LocalDate.of(2026, 2, 2)));

        stream.append(caseClosed(CASE_ID));

        assertThat(statusOf(CASE_ID)).isEqualTo("CLOSED");
        assertThat(queries.openCases(CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId).containsExactly(OTHER_CASE_ID);

        stream.append(caseReopened(CASE_ID, "relapse reported by family"));

        assertThat(statusOf(CASE_ID)).isEqualTo("OPEN");
        assertThat(queries.openCases(CASE_MANAGER, 50, null).cases())
                .extracting(CaseloadEntry::caseId, CaseloadEntry::version)
                .containsExactly(
                        tuple(CASE_ID, 2L),
                        tuple(OTHER_CASE_ID, 0L));
    }

    private CaseloadEntry onlyEntry() {
        return queries.openCases(CASE_MANAGER, 50, null).cases().stream()
                .filter(entry -> entry.caseId().equals(CASE_ID))
                .findFirst()
                .orElseThrow();
    }

    private void assertCounts(int pending, int open) {
        CaseloadEntry entry = onlyEntry();
        assertThat(entry.pendingReferrals()).as("pending referrals").isEqualTo(pending);
        assertThat(entry.openReferrals()).as("open referrals").isEqualTo(open);
    }

    private String statusOf(UUID caseId) {
        return jdbc.sql("SELECT status FROM caseload_entry WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query(String.class)
                .single();
    }
}
