package org.caserecord.projections.directory;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.caserecord.domain.directory.ResourceType;
import org.caserecord.projections.caseload.InvalidCursorException;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the resource directory. Pages are keyed on the name (ignoring case) plus the resource
 * id, so a cursor stays valid while resources are added or renamed.
 */
@Component
public class ResourceQueries {

    private final JdbcClient jdbc;

    public ResourceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ResourceView> find(UUID resourceId) {
        return jdbc.sql("SELECT * FROM directory_resource WHERE resource_id = :id")
                .param("id", resourceId)
                .query(ResourceQueries::view)
                .optional();
    }

    /** The version of the resource the read model reflects, if it knows the resource. */
    public OptionalLong projectedVersion(UUID resourceId) {
        return jdbc.sql("SELECT version FROM directory_resource WHERE resource_id = :id")
                .param("id", resourceId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** @throws InvalidCursorException when the cursor was not produced by this query */
    public ResourcePage search(ResourceSearch search) {
        Position after = search.cursor() == null ? null : Position.decode(search.cursor());
        List<String> where = new ArrayList<>();
        if (!search.includeRetired()) {
            where.add("status = 'ACTIVE'");
        }
        if (search.type() != null) {
            where.add("type = :type");
        }
        if (search.text() != null) {
            where.add("(name ILIKE :pattern ESCAPE '\\' OR address ILIKE :pattern ESCAPE '\\'"
                    + " OR notes ILIKE :pattern ESCAPE '\\')");
        }
        if (search.language() != null) {
            where.add("EXISTS (SELECT 1 FROM unnest(languages) l WHERE lower(l) = lower(:language))");
        }
        if (search.payer() != null) {
            where.add("EXISTS (SELECT 1 FROM unnest(accepted_payers) p WHERE lower(p) = lower(:payer))");
        }
        if (after != null) {
            where.add("(lower(name), resource_id) > (:afterName, :afterId)");
        }
        String sql = "SELECT *, lower(name) AS sort_name FROM directory_resource"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY lower(name), resource_id LIMIT :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", search.limit() + 1);
        if (search.type() != null) {
            statement = statement.param("type", search.type().name());
        }
        if (search.text() != null) {
            statement = statement.param("pattern", "%" + escapeLike(search.text().strip()) + "%");
        }
        if (search.language() != null) {
            statement = statement.param("language", search.language().strip());
        }
        if (search.payer() != null) {
            statement = statement.param("payer", search.payer().strip());
        }
        if (after != null) {
            statement = statement.param("afterName", after.lowerName()).param("afterId", after.resourceId());
        }
        List<Sorted> found = statement.query((rs, row) -> new Sorted(view(rs, row), rs.getString("sort_name")))
                .list();
        List<ResourceView> page = found.stream().limit(search.limit()).map(Sorted::view).toList();
        if (found.size() <= search.limit()) {
            return new ResourcePage(page, null);
        }
        Sorted last = found.get(search.limit() - 1);
        return new ResourcePage(page, new Position(last.sortName(), last.view().resourceId()).encode());
    }

    private record Sorted(ResourceView view, String sortName) {
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ResourceView view(ResultSet rs, int row) throws SQLException {
        return new ResourceView(
                rs.getObject("resource_id", UUID.class),
                rs.getLong("version"),
                rs.getString("name"),
                ResourceType.valueOf(rs.getString("type")),
                rs.getString("contact"),
                rs.getString("address"),
                strings(rs.getArray("languages")),
                strings(rs.getArray("accepted_payers")),
                rs.getString("notes"),
                rs.getString("status"),
                rs.getString("retirement_reason"),
                SqlTime.instant(rs, "registered_at"),
                rs.getString("registered_by"),
                SqlTime.instant(rs, "updated_at"),
                rs.getString("updated_by"),
                SqlTime.instant(rs, "retired_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * Where a page ended. PostgreSQL's lower() and Java's differ for a few characters outside
     * ASCII; the cursor carries the database's own value, read back from the row, to stay exact.
     */
    record Position(String lowerName, UUID resourceId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((resourceId + ":" + lowerName).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                if (colon != 36) {
                    throw new InvalidCursorException();
                }
                return new Position(raw.substring(colon + 1), UUID.fromString(raw.substring(0, colon)));
            } catch (IllegalArgumentException e) {
                throw new InvalidCursorException();
            }
        }
    }
}
