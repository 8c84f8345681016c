package org.caserecord.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserecord.projections.support.CaseEvents.CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.OTHER_CASE_MANAGER;
import static org.caserecord.projections.support.CaseEvents.caseClosed;
import static org.caserecord.projections.support.CaseEvents.caseOpened;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.caserecord.projections.support.CaseStream;
import org.caserecord.projections.support.ReadModelDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Paging through a caseload, oldest case first, keyed on (openedOn, caseId). */
@ExtendWith(ReadModelDatabaseExtension.class)
class CaseloadPagingTest {

    // Five open cases of one manager, named by their place in the caseload. Two share an
    // opening date, and their ids differ in the top bit, where Java's signed UUID order and
    // PostgreSQL's byte order disagree: the database's order is the one pages must follow.
    private static final UUID FIRST = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("10000000-0000-0000-0000-000000000002");
    private static final UUID THIRD = UUID.fromString("90000000-0000-0000-0000-000000000003");
    private static final UUID FOURTH = UUID.fromString("50000000-0000-0000-0000-000000000004");
    private static final UUID FIFTH = UUID.fromString("00000000-0000-0000-0000-000000000005");

    private final CaseloadProjection projection;
    private final CaseloadQueries queries;

    CaseloadPagingTest(JdbcClient jdbc) {
        this.projection = new CaseloadProjection(jdbc);
        this.queries = new CaseloadQueries(jdbc);
    }

    @Test
    void followingTheCursorVisitsEveryOpenCaseOnceOldestFirst() {
        // Delivered out of caseload order, among cases that must not be listed.
        open(FOURTH, CASE_MANAGER, LocalDate.of(2026, 1, 20));
        open(THIRD, CASE_MANAGER, LocalDate.of(2026, 1, 10));
        open(UUID.fromString("20000000-0000-0000-0000-00000000000a"), OTHER_CASE_MANAGER, LocalDate.of(2026, 1, 6));
        open(FIFTH, CASE_MANAGER, LocalDate.of(2026, 2, 1));
        open(FIRST, CASE_MANAGER, LocalDate.of(2026, 1, 5));
        UUID closed = UUID.fromString("30000000-0000-0000-0000-00000000000b");
        open(closed, CASE_MANAGER, LocalDate.of(2026, 1, 7)).append(caseClosed(closed));
        open(SECOND, CASE_MANAGER, LocalDate.of(2026, 1, 10));

        List<CaseloadPage> pages = allPages(CASE_MANAGER, 2);

        assertThat(pages).extracting(page -> page.cases().size()).containsExactly(2, 2, 1);
        assertThat(pages.get(0).nextCursor()).isNotNull();
        assertThat(pages.get(1).nextCursor()).isNotNull();
        assertThat(pages.get(2).nextCursor()).isNull();
        assertThat(pages).flatExtracting(CaseloadPage::cases)
                .extracting(CaseloadEntry::caseId)
                .containsExactly(FIRST, SECOND, THIRD, FOURTH, FIFTH);
        assertThat(pages).extracting(CaseloadPage::caseManagerId).containsOnly(CASE_MANAGER);
    }

    @Test
    void aPageThatEndsTheCaseloadExactlyHasNoCursor() {
        open(FIRST, CASE_MANAGER, LocalDate.of(2026, 1, 5));
        open(SECOND, CASE_MANAGER, LocalDate.of(2026, 1, 10));
        open(THIRD, CASE_MANAGER, LocalDate.of(2026, 1, 10));
        open(FOURTH, CASE_MANAGER, LocalDate.of(2026, 1, 20));

        List<CaseloadPage> pages = allPages(CASE_MANAGER, 2);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).cases()).extracting(CaseloadEntry::caseId).containsExactly(THIRD, FOURTH);
        assertThat(pages.get(1).nextCursor()).isNull();
    }

    @Test
    void anEmptyCaseloadIsOneEmptyPage() {
        open(FIRST, OTHER_CASE_MANAGER, LocalDate.of(2026, 1, 5));

        CaseloadPage page = queries.openCases(CASE_MANAGER, 2, null);

        assertThat(page.cases()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aCaseOpenedWhilePagingDoesNotShiftTheNextPage() {
        open(FIRST, CASE_MANAGER, LocalDate.of(2026, 1, 5));
        open(SECOND, CASE_MANAGER, LocalDate.of(2026, 1, 10));
        open(FOURTH, CASE_MANAGER, LocalDate.of(2026, 1, 20));
        CaseloadPage firstPage = queries.openCases(CASE_MANAGER, 2, null);

        // Lands before the cursor: already behind us, so not repeated and not pushing FOURTH away.
        open(UUID.fromString("40000000-0000-0000-0000-00000000000c"), CASE_MANAGER, LocalDate.of(2026, 1, 1));
        CaseloadPage secondPage = queries.openCases(CASE_MANAGER, 2, firstPage.nextCursor());

        assertThat(firstPage.cases()).extracting(CaseloadEntry::caseId).containsExactly(FIRST, SECOND);
        assertThat(secondPage.cases()).extracting(CaseloadEntry::caseId).containsExactly(FOURTH);
        assertThat(secondPage.nextCursor()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cursorsNotHandedOut")
    void aCursorThisServiceDidNotHandOutIsRejected(String description, String cursor) {
        open(FIRST, CASE_MANAGER, LocalDate.of(2026, 1, 5));

        assertThatThrownBy(() -> queries.openCases(CASE_MANAGER, 2, cursor))
                .isInstanceOf(InvalidCursorException.class);
    }

    static Stream<Arguments> cursorsNotHandedOut() {
        return Stream.of(
                arguments("not base64url", "not a cursor!"),
                arguments("empty", ""),
                arguments("no separator", encode("hello")),
                arguments("date only", encode("2026-01-10")),
                arguments("impossible date", encode("2026-13-01|" + FIRST)),
                arguments("not a uuid", encode("2026-01-10|not-a-uuid")),
                arguments("a third part", encode("2026-01-10|" + FIRST + "|x")),
                arguments("parts swapped", encode(FIRST + "|2026-01-10")));
    }

    private CaseStream open(UUID caseId, String caseManagerId, LocalDate openedOn) {
        CaseStream stream = CaseStream.of(caseId, projection);
        stream.append(caseOpened(caseId, caseManagerId, openedOn));
        return stream;
    }

    private List<CaseloadPage> allPages(String caseManagerId, int limit) {
        List<CaseloadPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            CaseloadPage page = queries.openCases(caseManagerId, limit, cursor);
            pages.add(page);
            cursor = page.nextCursor();
            if (pages.size() > 10) {
                throw new AssertionError("The cursor never ran out: " + pages);
            }
        } while (cursor != null);
        return pages;
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
