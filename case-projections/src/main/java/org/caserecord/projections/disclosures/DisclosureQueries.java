package org.caserecord.projections.disclosures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Recipient;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the accounting of disclosures (table case_disclosure), oldest disclosure first. */
@Service
public class DisclosureQueries {

    private static final String COLUMNS = """
            disclosure_id, case_id, sequence, recipient_name, recipient_organization, recipient_address, purpose,
            description, legal_basis, disclosed_on, export_id, export_format, recorded_at, recorded_by
            """;

    private final JdbcClient jdbc;

    public DisclosureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every disclosure of one case. */
    public List<DisclosureView> forCase(UUID caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_disclosure WHERE case_id = :caseId ORDER BY sequence")
                .param("caseId", caseId)
                .query((rs, n) -> view(rs))
                .list();
    }

    /**
     * Disclosures made on days {@code from} to {@code to} (both included) across cases, at most
     * {@code limit}, starting after the given disclosure (keyset paging on disclosed_on, id).
     */
    public List<DisclosureView> between(LocalDate from, LocalDate to, DisclosureView after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM case_disclosure
                        WHERE disclosed_on BETWEEN :from AND :to
                          AND (CAST(:afterDay AS date) IS NULL OR (disclosed_on, disclosure_id) > (:afterDay, :afterId))
                        ORDER BY disclosed_on, disclosure_id
                        LIMIT :limit
                        """)
                .param("from", from)
                .param("to", to)
                .param("afterDay", after == null ? null : after.disclosedOn())
                .param("afterId", after == null ? null : after.disclosureId())
                .param("limit", limit)
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<DisclosureView> find(UUID disclosureId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_disclosure WHERE disclosure_id = :id")
                .param("id", disclosureId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** The disclosure that an export was made for. */
    public Optional<DisclosureView> forExport(UUID exportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_disclosure WHERE export_id = :exportId")
                .param("exportId", exportId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static DisclosureView view(ResultSet rs) throws SQLException {
        String format = rs.getString("export_format");
        return new DisclosureView(
                rs.getObject("disclosure_id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getLong("sequence"),
                new Recipient(rs.getString("recipient_name"), rs.getString("recipient_organization"),
                        rs.getString("recipient_address")),
                DisclosurePurpose.valueOf(rs.getString("purpose")),
                rs.getString("description"),
                rs.getString("legal_basis"),
                rs.getObject("disclosed_on", LocalDate.class),
                rs.getObject("export_id", UUID.class),
                format == null ? null : ExportFormat.valueOf(format),
                SqlTime.instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }
}
