package org.caserecord.api.billing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.api.billing.BillableServices.Line;
import org.caserecord.api.billing.BillableServices.Request;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Periods;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.DecideReimbursement;
import org.caserecord.domain.commands.FileReimbursementRequest;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.ReimbursementDecision;
import org.caserecord.projections.coverage.CoverageQueries;
import org.caserecord.projections.coverage.CoverageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reimbursement requests: every unbilled billable meeting of a period bundled under one coverage,
 * priced as filed; the payer's decision later. The case aggregate refuses a meeting that is already
 * in a pending or paid request, so two requests racing for one period cannot both bill a meeting.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/reimbursement-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Insurance", description = "Coverage, billable services and reimbursement")
class ReimbursementController {

    private final Commands commands;
    private final WriteOperations writes;
    private final BillableServices services;
    private final CoverageQueries coverages;

    ReimbursementController(Commands commands, WriteOperations writes, BillableServices services,
                            CoverageQueries coverages) {
        this.commands = commands;
        this.writes = writes;
        this.services = services;
        this.coverages = coverages;
    }

    record ReimbursementRequestBody(@NotNull UUID coverageId, @NotNull LocalDate periodFrom,
                                    @NotNull LocalDate periodTo) {
    }

    record DecisionBody(
            @NotNull ReimbursementDecision decision,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal amountPaid,
            @NotBlank @Size(max = 100) String payerReference,
            @Size(max = 20) String reasonCode) {
    }

    record RequestFiled(UUID requestId, List<ClaimLine> lines, BigDecimal total, long version) {
    }

    record RequestDecided(UUID requestId, ReimbursementDecision decision, BigDecimal amountPaid, long version) {
    }

    record CaseRequests(UUID caseId, List<Request> requests) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a reimbursement request for the period's unbilled billed meetings",
            description = "409 when there is nothing to bill, the coverage does not cover a line's date, or the "
                    + "case has no active diagnosis.")
    ResponseEntity<?> file(@PathVariable UUID caseId, @Valid @RequestBody ReimbursementRequestBody body,
                           HttpServletRequest request) {
        Periods.check(body.periodFrom(), body.periodTo());
        return writes.execute(request, body, () -> {
            // Inside the write's per-case lock: the lines are read and filed with nothing in between
            // on this instance; across instances the aggregate refuses a meeting billed twice.
            String payerId = coverages.forCase(caseId).stream()
                    .filter(coverage -> coverage.coverageId().equals(body.coverageId()))
                    .map(CoverageView::payerId)
                    .findFirst()
                    .orElse(null);
            List<ClaimLine> lines = services.lines(caseId, payerId).stream()
                    .filter(line -> line.status().equals("UNBILLED"))
                    .filter(line -> !line.dateOfService().isBefore(body.periodFrom())
                            && !line.dateOfService().isAfter(body.periodTo()))
                    .map(ReimbursementController::claimLine)
                    .toList();
            UUID requestId = UUID.randomUUID();
            long version = commands.send(new FileReimbursementRequest(caseId, requestId, body.coverageId(),
                    body.periodFrom(), body.periodTo(), lines));
            BigDecimal total = lines.stream().map(ClaimLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
            return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/reimbursement-requests/" + requestId))
                    .eTag(Versions.etag(version))
                    .body(new RequestFiled(requestId, lines, total, version));
        });
    }

    @PostMapping(path = "/{requestId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the payer's decision; DENIED releases the meetings for a new request")
    ResponseEntity<?> decide(@PathVariable UUID caseId, @PathVariable UUID requestId,
                             @Valid @RequestBody DecisionBody body, HttpServletRequest request) {
        return writes.execute(request, body, () -> {
            long version = commands.send(new DecideReimbursement(caseId, requestId, body.decision(),
                    body.amountPaid(), body.payerReference(), body.reasonCode()));
            return ResponseEntity.ok().eTag(Versions.etag(version)).body(new RequestDecided(requestId,
                    body.decision(), body.amountPaid() == null ? BigDecimal.ZERO : body.amountPaid(), version));
        });
    }

    @GetMapping
    @Operation(summary = "The case's reimbursement requests with their lines and decisions")
    CaseRequests list(@PathVariable UUID caseId) {
        return new CaseRequests(caseId, services.requests(caseId));
    }

    @GetMapping("/{requestId}")
    @Operation(summary = "One reimbursement request")
    Request one(@PathVariable UUID caseId, @PathVariable UUID requestId) {
        return services.requests(caseId).stream()
                .filter(request -> request.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "request-not-found", "Request not found",
                        "The case has no reimbursement request with this id."));
    }

    private static ClaimLine claimLine(Line line) {
        return new ClaimLine(line.meetingId(), line.dateOfService(), line.serviceCode(), line.modifiers(), line.units(),
                line.unitRate(), line.charge(), line.placeOfService(), line.renderingNpi(), line.diagnosisPointers());
    }
}
