package org.caserecord.projections.casefile;

import java.util.List;

/** An entry shown together with the amendments made to it. */
public interface Amendable<T> {

    T withAmendments(List<AmendmentView> amendments);
}
