package org.caserecord.api.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.caserecord.api.billing.BillableServices.Line;
import org.caserecord.api.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case's billable services: its billed meetings priced by the clinic's catalog. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/billable-services", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Insurance", description = "Coverage, billable services and reimbursement")
class BillableServicesController {

    private final BillableServices services;

    BillableServicesController(BillableServices services) {
        this.services = services;
    }

    record BillableServicesPage(UUID caseId, String status, List<Line> lines, BigDecimal total) {
    }

    @GetMapping
    @Operation(summary = "Billable service lines of the case",
            description = "Every meeting recorded with billing: date of service, code, modifiers, units, charge, "
                    + "place of service, rendering NPI and diagnosis pointers (active diagnoses, primary first).")
    BillableServicesPage lines(@PathVariable UUID caseId,
                               @Parameter(description = "UNBILLED (default), BILLED or ALL")
                               @RequestParam(defaultValue = "UNBILLED") String status) {
        String wanted = status.toUpperCase(Locale.ROOT);
        if (!List.of("UNBILLED", "BILLED", "ALL").contains(wanted)) {
            throw ApiException.badRequest("invalid-status", "Unknown status", "status is UNBILLED, BILLED or ALL.");
        }
        List<Line> lines = services.lines(caseId).stream()
                .filter(line -> wanted.equals("ALL") || line.status().equals(wanted))
                .toList();
        BigDecimal total = lines.stream().map(Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BillableServicesPage(caseId, wanted, lines, total);
    }
}
