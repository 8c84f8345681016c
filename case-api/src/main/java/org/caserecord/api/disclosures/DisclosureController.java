package org.caserecord.api.disclosures;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.cases.CaseReader;
import org.caserecord.api.disclosures.DisclosureRequests.DisclosureRequest;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Periods;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.projections.disclosures.DisclosureQueries;
import org.caserecord.projections.disclosures.DisclosureView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The accounting of disclosures: what left the clinic, to whom, why and on what legal basis. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disclosures", description = "Record disclosures of a case and account for them")
class DisclosureController {

    /** HIPAA's accounting of disclosures covers the six years before a request. */
    private static final int DEFAULT_WINDOW_YEARS = 6;

    private final Commands commands;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final DisclosureQueries disclosures;
    private final Clock clock;

    DisclosureController(Commands commands, WriteOperations writes, CaseReader reader, DisclosureQueries disclosures,
                         Clock clock) {
        this.commands = commands;
        this.writes = writes;
        this.reader = reader;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    record DisclosureCreated(UUID disclosureId, long version) {
    }

    record CaseDisclosures(UUID caseId, List<DisclosureView> disclosures) {
    }

    record DisclosureAccounting(LocalDate from, LocalDate to, List<DisclosureView> disclosures, UUID nextAfter) {
    }

    @PostMapping(path = "/cases/{caseId}/disclosures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a disclosure of the case (open or closed)",
            description = "disclosedOn defaults to today; it may not be in the future or before the case opened.")
    ResponseEntity<?> recordDisclosure(@PathVariable UUID caseId, @Valid @RequestBody DisclosureRequest body,
                                       HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID disclosureId = UUID.randomUUID();
            LocalDate disclosedOn = body.disclosedOn() != null ? body.disclosedOn() : LocalDate.now(clock);
            long version = commands.send(new RecordDisclosure(caseId, disclosureId, body.recipient().toRecipient(),
                    body.purpose(), body.description(), body.legalBasis(), disclosedOn, null, null, expected));
            return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/disclosures/" + disclosureId))
                    .eTag(Versions.etag(version))
                    .body(new DisclosureCreated(disclosureId, version));
        });
    }

    @GetMapping("/cases/{caseId}/disclosures")
    @Operation(summary = "The accounting of disclosures of one case, oldest first")
    CaseDisclosures caseDisclosures(@PathVariable UUID caseId) {
        reader.awaitProjected(caseId);
        return new CaseDisclosures(caseId, disclosures.forCase(caseId));
    }

    @GetMapping("/cases/{caseId}/disclosures/{disclosureId}")
    @Operation(summary = "One disclosure of a case")
    DisclosureView disclosure(@PathVariable UUID caseId, @PathVariable UUID disclosureId) {
        reader.awaitProjected(caseId);
        return disclosures.find(disclosureId)
                .filter(disclosure -> disclosure.caseId().equals(caseId))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "disclosure-not-found",
                        "Disclosure not found", "The case has no disclosure with this id."));
    }

    @GetMapping("/disclosures")
    @Operation(summary = "The accounting of disclosures across cases",
            description = """
                    Disclosures made from `from` to `to` (dates, inclusive), by date of disclosure. Without them: \
                    the last six years up to today. Paginated: pass nextAfter as after for the next page.""")
    DisclosureAccounting accounting(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            HttpServletRequest request) {
        Periods.check(from, to);
        LocalDate until = to != null ? to : LocalDate.now(clock);
        LocalDate since = from != null ? from : until.minusYears(DEFAULT_WINDOW_YEARS);
        Periods.check(since, until);
        DisclosureView cursor = after == null ? null : disclosures.find(after).orElseThrow(() ->
                ApiException.badRequest("invalid-cursor", "Invalid cursor", "after names no disclosure."));
        List<DisclosureView> page = disclosures.between(since, until, cursor, limit + 1);
        List<DisclosureView> shown = page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
        request.setAttribute(AccessLogFilter.CASES_READ, shown.stream().map(DisclosureView::caseId).toList());
        return new DisclosureAccounting(since, until, shown,
                page.size() > limit ? shown.get(limit - 1).disclosureId() : null);
    }
}
