package org.caserecord.projections.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.SubscriberRelationship;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the coverage read model (table case_coverage). */
@Service
public class CoverageQueries {

    private final JdbcClient jdbc;

    public CoverageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every coverage of the case, primary first, then by start. */
    public List<CoverageView> forCase(UUID caseId) {
        return jdbc.sql("""
                        SELECT * FROM case_coverage WHERE case_id = :caseId
                         ORDER BY priority = 'SECONDARY', effective_from, coverage_id""")
                .param("caseId", caseId)
                .query((rs, n) -> view(rs))
                .list();
    }

    private static CoverageView view(ResultSet rs) throws SQLException {
        return new CoverageView(
                rs.getObject("coverage_id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getString("payer_id"),
                rs.getString("payer_name"),
                rs.getString("plan_name"),
                rs.getString("member_id"),
                rs.getString("group_number"),
                SubscriberRelationship.valueOf(rs.getString("subscriber_relationship")),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                CoveragePriority.valueOf(rs.getString("priority")),
                rs.getBoolean("ended"),
                SqlTime.instant(rs, "recorded_at"));
    }
}
