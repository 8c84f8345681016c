package org.caserecord.projections.support;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.domain.retention.RetentionPolicy;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case file projection as these tests build it: the default retention policy, and no event
 * store to re-read a disposed case from (disposal is tested end to end in case-api).
 */
public final class TestProjections {

    private TestProjections() {
    }

    public static CaseFileProjection caseFile(JdbcClient jdbc) {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        return new CaseFileProjection(jdbc, RetentionPolicy.defaults(),
                new DisposedCaseReplay(none.getBeanProvider(EventStore.class), none.getBeanProvider(CaseDataKeys.class)));
    }
}
