package org.caserecord.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The append-only access log: who read which case, when, what, and the outcome. */
@Service
public class AccessLog {

    /** How a read ended. */
    public enum Outcome {
        /** Answered with the case data (2xx, 304). */
        SERVED,
        /** Refused by authorization (403, or 404 hiding a case the caller may not see). */
        DENIED,
        /** No such case, version or entry (404). */
        NOT_FOUND,
        /** Refused as a bad request (other 4xx). */
        REJECTED,
        /** The service failed (5xx). */
        FAILED
    }

    public record Entry(long entryId, Instant accessedAt, String actor, List<String> actorRoles, UUID caseId,
                        String action, String resource, Outcome outcome, int status, String requestId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes one entry per case read (one without a case when none is named), all in one
     * statement; throws when they cannot be written.
     */
    void record(String actor, List<String> roles, List<UUID> cases, String action, String resource, int status,
                boolean denied, String requestId) {
        jdbc.sql("""
                        INSERT INTO access_log (accessed_at, actor, actor_roles, case_id, action, resource, outcome,
                                                status, request_id)
                        SELECT :accessedAt, :actor, :roles, read.case_id, :action, :resource, :outcome, :status,
                               :requestId
                          FROM unnest(CAST(:caseIds AS uuid[])) AS read(case_id)
                        """)
                .param("accessedAt", SqlTime.utc(clock.instant()))
                .param("actor", actor)
                .param("roles", String.join(",", roles))
                .param("caseIds", cases.isEmpty() ? new UUID[] {null} : cases.toArray(UUID[]::new))
                .param("action", action)
                .param("resource", resource.length() > 2048 ? resource.substring(0, 2048) : resource)
                .param("outcome", (denied ? Outcome.DENIED : outcome(status)).name())
                .param("status", status)
                .param("requestId", requestId)
                .update();
    }

    /** Entries matching every given filter, oldest first, after {@code afterEntryId}. */
    public List<Entry> find(UUID caseId, String actor, Instant from, Instant to, long afterEntryId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM access_log
                         WHERE entry_id > :after
                           AND (CAST(:caseId AS uuid) IS NULL OR case_id = :caseId)
                           AND (CAST(:actor AS varchar) IS NULL OR actor = :actor)
                           AND (CAST(:from AS timestamptz) IS NULL OR accessed_at >= :from)
                           AND (CAST(:to AS timestamptz) IS NULL OR accessed_at <= :to)
                         ORDER BY entry_id
                         LIMIT :limit
                        """)
                .param("after", afterEntryId)
                .param("caseId", caseId)
                .param("actor", actor)
                .param("from", SqlTime.utc(from))
                .param("to", SqlTime.utc(to))
                .param("limit", limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    static Outcome outcome(int status) {
        if (status < 400) {
            return Outcome.SERVED;
        }
        if (status == 401 || status == 403) {
            return Outcome.DENIED;
        }
        if (status == 404) {
            return Outcome.NOT_FOUND;
        }
        return status < 500 ? Outcome.REJECTED : Outcome.FAILED;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String roles = rs.getString("actor_roles");
        return new Entry(rs.getLong("entry_id"), SqlTime.instant(rs, "accessed_at"), rs.getString("actor"),
                roles.isEmpty() ? List.of() : List.of(roles.split(",")), rs.getObject("case_id", UUID.class),
                rs.getString("action"), rs.getString("resource"), Outcome.valueOf(rs.getString("outcome")),
                rs.getInt("status"), rs.getString("request_id"));
    }
}
