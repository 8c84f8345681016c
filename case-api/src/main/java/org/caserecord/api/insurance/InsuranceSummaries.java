package org.caserecord.api.insurance;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caserecord.api.insurance.InsuranceSummary.Client;
import org.caserecord.api.insurance.InsuranceSummary.Coverage;
import org.caserecord.api.insurance.InsuranceSummary.Line;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Builds the insurance-ready summary of a payer and period from the reimbursement read model. */
@Service
public class InsuranceSummaries {

    private record Row(UUID caseId, String name, LocalDate dateOfBirth, Coverage coverage, Line line) {
    }

    private final JdbcClient jdbc;

    InsuranceSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every filed line for the payer with a date of service in the period, grouped per client.
     * Disposed records are left out: nothing in them can be billed or identified any more.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InsuranceSummary summary(String payerId, LocalDate from, LocalDate to) {
        List<Row> rows = jdbc.sql("""
                        SELECT l.*, r.status, r.coverage_id, c.client_name, c.client_date_of_birth,
                               v.payer_id, v.payer_name, v.plan_name, v.member_id, v.group_number,
                               v.subscriber_relationship, v.priority, v.effective_from, v.effective_to
                          FROM case_claim_line l
                          JOIN case_reimbursement_request r ON r.request_id = l.request_id
                          JOIN case_file c ON c.case_id = l.case_id
                          JOIN case_coverage v ON v.coverage_id = r.coverage_id
                         WHERE r.payer_id = :payerId AND l.date_of_service BETWEEN :from AND :to
                           AND c.disposed_at IS NULL
                         ORDER BY l.case_id, l.date_of_service, r.requested_at, l.line_number
                        """)
                .param("payerId", payerId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> row(rs))
                .list();
        Map<UUID, List<Row>> byCase = new LinkedHashMap<>();
        rows.forEach(row -> byCase.computeIfAbsent(row.caseId(), id -> new ArrayList<>()).add(row));
        List<Client> clients = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (List<Row> clientRows : byCase.values()) {
            Row first = clientRows.get(0);
            Set<String> diagnoses = new LinkedHashSet<>();
            clientRows.forEach(row -> diagnoses.addAll(row.line().diagnosisCodes()));
            List<Line> lines = clientRows.stream().map(Row::line).toList();
            BigDecimal clientTotal = lines.stream().map(Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
            clients.add(new Client(first.caseId(), first.name(), first.dateOfBirth(), first.coverage(),
                    List.copyOf(diagnoses), lines, clientTotal));
            total = total.add(clientTotal);
        }
        return new InsuranceSummary(payerId, from, to, List.copyOf(clients), total);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Coverage coverage = new Coverage(rs.getObject("coverage_id", UUID.class), rs.getString("payer_id"),
                rs.getString("payer_name"), rs.getString("plan_name"), rs.getString("member_id"),
                rs.getString("group_number"), rs.getString("subscriber_relationship"), rs.getString("priority"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class));
        Line line = new Line(rs.getObject("request_id", UUID.class), rs.getString("status"),
                rs.getObject("meeting_id", UUID.class), rs.getObject("date_of_service", LocalDate.class),
                rs.getString("service_code"), strings(rs.getArray("modifiers")), rs.getInt("units"),
                rs.getBigDecimal("unit_rate"), rs.getBigDecimal("charge"), rs.getString("place_of_service"),
                rs.getString("rendering_npi"), strings(rs.getArray("diagnosis_codes")));
        return new Row(rs.getObject("case_id", UUID.class), rs.getString("client_name"),
                rs.getObject("client_date_of_birth", LocalDate.class), coverage, line);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
