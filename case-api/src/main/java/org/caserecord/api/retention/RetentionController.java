package org.caserecord.api.retention;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.cases.CaseReader;
import org.caserecord.api.crypto.CaseDataKeyRing;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Periods;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.DisposeCaseRecord;
import org.caserecord.domain.commands.PlaceLegalHold;
import org.caserecord.domain.commands.ReleaseLegalHold;
import org.caserecord.projections.retention.LegalHoldView;
import org.caserecord.projections.retention.RetentionEntry;
import org.caserecord.projections.retention.RetentionQueries;
import org.caserecord.projections.retention.RetentionStatus;
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

/**
 * Records management: legal holds, the retention register, and disposal of records whose
 * retention has ended by crypto-shredding (README "Records management").
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Retention", description = "Legal holds, the retention register and disposal")
class RetentionController {

    private final Commands commands;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final RetentionQueries retention;
    private final DisposalCertificates certificates;
    private final CaseDataKeyRing dataKeys;
    private final Clock clock;
    private final Counter disposals;

    RetentionController(Commands commands, WriteOperations writes, CaseReader reader, RetentionQueries retention,
                        DisposalCertificates certificates, CaseDataKeyRing dataKeys, Clock clock,
                        MeterRegistry meters) {
        this.commands = commands;
        this.writes = writes;
        this.reader = reader;
        this.retention = retention;
        this.certificates = certificates;
        this.dataKeys = dataKeys;
        this.clock = clock;
        this.disposals = Counter.builder("caserecord.retention.disposals")
                .description("Case records disposed of by crypto-shredding")
                .register(meters);
    }

    record LegalHoldRequest(@NotBlank @Size(max = 2000) String reason,
                            @NotBlank @Size(max = 200) String matterReference) {
    }

    record ReleaseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DisposalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record LegalHoldPlaced(UUID holdId, long version) {
    }

    record LegalHoldReleased(UUID holdId, long version) {
    }

    record CaseLegalHolds(UUID caseId, List<LegalHoldView> legalHolds) {
    }

    record RetentionRegister(LocalDate today, List<RetentionEntry> cases, String nextCursor) {
    }

    @PostMapping(path = "/cases/{caseId}/legal-holds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place a legal hold on a case (open or closed)",
            description = "While any hold applies the record cannot be disposed of. Several holds may apply at once.")
    ResponseEntity<?> placeHold(@PathVariable UUID caseId, @Valid @RequestBody LegalHoldRequest body,
                                HttpServletRequest request) {
        return projected(caseId, writes.execute(request, body, expected -> {
            UUID holdId = UUID.randomUUID();
            long version = commands.send(new PlaceLegalHold(caseId, holdId, body.reason(), body.matterReference(),
                    expected));
            return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/legal-holds/" + holdId))
                    .eTag(Versions.etag(version))
                    .body(new LegalHoldPlaced(holdId, version));
        }));
    }

    @PostMapping(path = "/cases/{caseId}/legal-holds/{holdId}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Release a legal hold")
    ResponseEntity<?> releaseHold(@PathVariable UUID caseId, @PathVariable UUID holdId,
                                  @Valid @RequestBody ReleaseRequest body, HttpServletRequest request) {
        return projected(caseId, writes.execute(request, body, expected -> {
            long version = commands.send(new ReleaseLegalHold(caseId, holdId, body.reason(), expected));
            return ResponseEntity.ok().eTag(Versions.etag(version)).body(new LegalHoldReleased(holdId, version));
        }));
    }

    @GetMapping("/cases/{caseId}/legal-holds")
    @Operation(summary = "Every legal hold of a case, released ones included")
    CaseLegalHolds holds(@PathVariable UUID caseId) {
        reader.awaitProjected(caseId);
        return new CaseLegalHolds(caseId, retention.holdsOf(caseId));
    }

    @GetMapping("/cases/{caseId}/legal-holds/{holdId}")
    @Operation(summary = "One legal hold of a case")
    LegalHoldView hold(@PathVariable UUID caseId, @PathVariable UUID holdId) {
        reader.awaitProjected(caseId);
        return retention.hold(caseId, holdId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "legal-hold-not-found", "Legal hold not found", "The case has no legal hold with this id."));
    }

    @GetMapping("/retention")
    @Operation(summary = "The retention register",
            description = """
                    Every case with the first day its record may be disposed of (retainUntil), its status today \
                    (ACTIVE: open; RETAINED: within retention; ELIGIBLE: may be disposed of; ON_HOLD: a legal hold \
                    applies; DISPOSED) and the holds that apply. Filter by status and by dueBefore (retention ending \
                    before that day). Ordered by retainUntil, then open and disposed cases; pass nextCursor as cursor \
                    for the next page.""")
    RetentionRegister register(@RequestParam(required = false) RetentionStatus status,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate dueBefore,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                               HttpServletRequest request) {
        Periods.check(dueBefore, "dueBefore");
        RetentionQueries.Position after = cursor == null || cursor.isEmpty() ? null : RegisterCursor.decode(cursor);
        LocalDate today = LocalDate.now(clock);
        List<RetentionEntry> page = retention.register(today, status, dueBefore, after, limit + 1);
        List<RetentionEntry> shown = page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
        request.setAttribute(AccessLogFilter.CASES_READ, shown.stream().map(RetentionEntry::caseId).toList());
        return new RetentionRegister(today, shown, page.size() > limit
                ? RegisterCursor.encode(RetentionQueries.Position.of(shown.get(limit - 1))) : null);
    }

    @PostMapping(path = "/cases/{caseId}/disposal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dispose of a case record whose retention has ended (crypto-shredding)",
            description = """
                    Refused with 409 while the case is open, before its retention ends, or while a legal hold \
                    applies. Appends CaseRecordDisposed and destroys the case's data key in one transaction: from \
                    then on every piece of personal data in the case's events reads as a placeholder, everywhere. \
                    Answers the disposal certificate.""")
    ResponseEntity<?> dispose(@PathVariable UUID caseId, @Valid @RequestBody DisposalRequest body,
                              HttpServletRequest request) {
        ResponseEntity<?> response = writes.execute(request, body, expected -> {
            long version = commands.send(new DisposeCaseRecord(caseId, body.reason(), expected));
            // The key goes in the transaction that appends the disposal: both commit or neither does.
            if (!dataKeys.destroy(caseId, RequestMetadata.currentActor())) {
                throw new IllegalStateException("A case accepted for disposal has no data key left to destroy");
            }
            return ResponseEntity.ok().eTag(Versions.etag(version)).body(certificates.issued(caseId));
        });
        if (response.getHeaders().get(WriteOperations.REPLAYED) == null) {
            disposals.increment();
        }
        return projected(caseId, response);
    }

    /**
     * Answers once the case file read model, the register's source, shows the change: the register
     * and the case agree with what the records officer was just told (for a disposal: the case file
     * holds no personal data any more). The write has committed either way.
     */
    private ResponseEntity<?> projected(UUID caseId, ResponseEntity<?> response) {
        if (response.getStatusCode().is2xxSuccessful()) {
            try {
                reader.awaitProjected(caseId);
            } catch (ApiException stillBehind) {
                // Answer anyway: the write happened, and a retry would be refused as a repetition.
            }
        }
        return response;
    }

    @GetMapping("/cases/{caseId}/disposal-certificate")
    @Operation(summary = "The certificate of a case record's disposal",
            description = "404 while the record has not been disposed of; 503 for the moment until its seal is written.")
    DisposalCertificate certificate(@PathVariable UUID caseId) {
        reader.awaitProjected(caseId);
        return certificates.attested(caseId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "not-disposed", "Not disposed of", "The case record has not been disposed of."));
    }
}
