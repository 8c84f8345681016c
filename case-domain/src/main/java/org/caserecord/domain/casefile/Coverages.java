package org.caserecord.domain.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.model.CoveragePriority;

/** The case's insurance coverages, as far as decisions need them: periods and priorities. */
final class Coverages {

    private record Period(CoveragePriority priority, LocalDate from, LocalDate to, boolean ended) {

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return (to == null || !otherFrom.isAfter(to)) && (otherTo == null || !otherTo.isBefore(from));
        }
    }

    private final Map<UUID, Period> periods = new LinkedHashMap<>();
    private final Map<UUID, String> payers = new LinkedHashMap<>();

    /** At most one plan of each priority covers any day. */
    void mustNotOverlap(CoveragePriority priority, LocalDate from, LocalDate to) {
        boolean overlapping = periods.values().stream()
                .anyMatch(period -> period.priority() == priority && period.overlaps(from, to));
        if (overlapping) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_OVERLAPS, "effectiveFrom");
        }
    }

    /** The coverage exists and has not ended yet; returns its first covered day. */
    LocalDate mustBeCurrent(UUID coverageId) {
        Period period = periods.get(coverageId);
        if (period == null) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_NOT_FOUND, "coverageId");
        }
        if (period.ended()) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_ALREADY_ENDED, "coverageId");
        }
        return period.from();
    }

    /** The payer of a coverage that covers {@code day}; refuses an unknown coverage or one not active then. */
    void mustCover(UUID coverageId, LocalDate day) {
        Period period = periods.get(coverageId);
        if (period == null) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_NOT_FOUND, "coverageId");
        }
        if (day.isBefore(period.from()) || period.to() != null && day.isAfter(period.to())) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_NOT_ACTIVE, "coverageId");
        }
    }

    String payerOf(UUID coverageId) {
        return payers.get(coverageId);
    }

    boolean contains(UUID coverageId) {
        return periods.containsKey(coverageId);
    }

    void added(CoverageAdded coverage) {
        periods.put(coverage.coverageId(), new Period(coverage.priority(), coverage.effectiveFrom(),
                coverage.effectiveTo(), false));
        payers.put(coverage.coverageId(), coverage.payerId());
    }

    void ended(UUID coverageId, LocalDate endedOn) {
        Period period = periods.get(coverageId);
        periods.put(coverageId, new Period(period.priority(), period.from(), endedOn, true));
    }
}
