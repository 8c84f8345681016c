package org.caserecord.api.billing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.api.cases.CaseReader;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.AddCoverage;
import org.caserecord.domain.commands.EndCoverage;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.SubscriberRelationship;
import org.caserecord.projections.coverage.CoverageQueries;
import org.caserecord.projections.coverage.CoverageView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The client's insurance coverage: who pays, under which plan, for which period. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Insurance", description = "Coverage, billable services and reimbursement")
class CoverageController {

    private final Commands commands;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final CoverageQueries coverages;

    CoverageController(Commands commands, WriteOperations writes, CaseReader reader, CoverageQueries coverages) {
        this.commands = commands;
        this.writes = writes;
        this.reader = reader;
        this.coverages = coverages;
    }

    record CoverageRequest(
            @NotBlank @Size(max = 100) String payerId,
            @NotBlank @Size(max = 300) String payerName,
            @NotBlank @Size(max = 300) String planName,
            @NotBlank @Size(max = 80) String memberId,
            @Size(max = 80) String groupNumber,
            @NotNull SubscriberRelationship subscriberRelationship,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotNull CoveragePriority priority) {
    }

    record CoverageEndRequest(@NotNull LocalDate endedOn) {
    }

    record CoverageCreated(UUID coverageId, long version) {
    }

    record CoverageChanged(UUID coverageId, String status, long version) {
    }

    record CaseCoverage(UUID caseId, List<CoverageView> coverages) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a coverage",
            description = "At most one PRIMARY and one SECONDARY coverage may cover any day; open and closed cases.")
    ResponseEntity<?> add(@PathVariable UUID caseId, @Valid @RequestBody CoverageRequest body,
                          HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID coverageId = UUID.randomUUID();
            long version = commands.send(new AddCoverage(caseId, coverageId, body.payerId(), body.payerName(),
                    body.planName(), body.memberId(), body.groupNumber(), body.subscriberRelationship(),
                    body.effectiveFrom(), body.effectiveTo(), body.priority(), expected));
            return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/coverage/" + coverageId))
                    .eTag(Versions.etag(version))
                    .body(new CoverageCreated(coverageId, version));
        });
    }

    @PostMapping(path = "/{coverageId}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a coverage on its last covered day")
    ResponseEntity<?> end(@PathVariable UUID caseId, @PathVariable UUID coverageId,
                          @Valid @RequestBody CoverageEndRequest body, HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            long version = commands.send(new EndCoverage(caseId, coverageId, body.endedOn(), expected));
            return ResponseEntity.ok().eTag(Versions.etag(version))
                    .body(new CoverageChanged(coverageId, "ENDED", version));
        });
    }

    @GetMapping
    @Operation(summary = "The case's coverages, primary first")
    CaseCoverage list(@PathVariable UUID caseId) {
        reader.awaitProjected(caseId);
        return new CaseCoverage(caseId, coverages.forCase(caseId));
    }
}
