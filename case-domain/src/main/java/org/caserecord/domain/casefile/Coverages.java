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

    boolean contains(UUID coverageId) {
        return periods.containsKey(coverageId);
    }

    void added(CoverageAdded coverage) {
        periods.put(coverage.coverageId(), new Period(coverage.priority(), coverage.effectiveFrom(),
                coverage.effectiveTo(), false));
    }

    void ended(UUID coverageId, LocalDate endedOn) {
        Period period = periods.get(coverageId);
        periods.put(coverageId, new Period(period.priority(), period.from(), endedOn, true));
    }
}
