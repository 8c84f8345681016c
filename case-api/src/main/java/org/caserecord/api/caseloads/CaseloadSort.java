package org.caserecord.api.caseloads;

import org.caserecord.projections.caseload.CaseloadQuery;

/** The caseload's sort parameter as written in URLs: {@code openedOn} or {@code nextDue}. */
enum CaseloadSort {
    openedOn(CaseloadQuery.Sort.OPENED_ON),
    nextDue(CaseloadQuery.Sort.NEXT_DUE);

    private final CaseloadQuery.Sort query;

    CaseloadSort(CaseloadQuery.Sort query) {
        this.query = query;
    }

    CaseloadQuery.Sort query() {
        return query;
    }
}
