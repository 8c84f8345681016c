package org.caserecord.projections.caseload;

import static org.caserecord.projections.support.SqlTime.instant;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads caseloads, oldest case first. Pages are keyed on (openedOn, caseId), so the cursor
 * is stable while cases are added; it carries no client data.
 */
@Service
public class CaseloadQueries {

    private final JdbcClient jdbc;

    public CaseloadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws InvalidCursorException when the cursor was not produced by this service */
    public CaseloadPage openCases(String caseManagerId, int limit, String cursor) {
        Position after = cursor == null ? null : Position.decode(cursor);
        String afterCursor = after == null ? "" : "AND (opened_on, case_id) > (:openedOn, :caseId)";
        JdbcClient.StatementSpec query = jdbc.sql("""
                        SELECT case_id, client_name, opened_on, last_contact_at, pending_referrals,
                               open_referrals, version
                          FROM caseload_entry
                         WHERE case_manager_id = :caseManagerId AND status = 'OPEN'
                         %s
                         ORDER BY opened_on, case_id
                         LIMIT :limit
                        """.formatted(afterCursor))
                .param("caseManagerId", caseManagerId)
                .param("limit", limit + 1);
        if (after != null) {
            query = query.param("openedOn", after.openedOn()).param("caseId", after.caseId());
        }
        List<CaseloadEntry> rows = query
                .query((rs, row) -> new CaseloadEntry(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("client_name"),
                        rs.getObject("opened_on", LocalDate.class),
                        instant(rs, "last_contact_at"),
                        rs.getInt("pending_referrals"),
                        rs.getInt("open_referrals"),
                        rs.getLong("version")))
                .list();
        if (rows.size() <= limit) {
            return new CaseloadPage(caseManagerId, rows, null);
        }
        List<CaseloadEntry> page = rows.subList(0, limit);
        CaseloadEntry last = page.get(limit - 1);
        return new CaseloadPage(caseManagerId, page, new Position(last.openedOn(), last.caseId()).encode());
    }

    record Position(LocalDate openedOn, UUID caseId) {

        String encode() {
            String raw = openedOn + "|" + caseId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 2) {
                    throw new InvalidCursorException();
                }
                return new Position(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidCursorException();
            }
        }
    }
}
