package org.caserecord.api.exports;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Recipient;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case file exports for conservatorships and other facilities. Creating one records the
 * disclosure on the case; the document is the case as of that event, with its chain hash.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/exports")
@Tag(name = "Exports", description = "Hand a complete, verifiable case file to a recipient")
class ExportController {

    private final Commands commands;
    private final WriteOperations writes;
    private final ExportDocuments documents;
    private final PdfCaseFileRenderer pdf;
    private final JsonMapper json;
    private final Clock clock;

    ExportController(Commands commands, WriteOperations writes, ExportDocuments documents, PdfCaseFileRenderer pdf,
                     JsonMapper json, Clock clock) {
        this.commands = commands;
        this.writes = writes;
        this.documents = documents;
        this.pdf = pdf;
        this.json = json;
        this.clock = clock;
    }

    record RecipientRequest(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 300) String organization,
            @Size(max = 1000) String address) {
    }

    /** description and legalBasis are recorded on the disclosure; an export describes itself when they are absent. */
    record ExportRequest(
            @NotNull @Valid RecipientRequest recipient,
            @NotNull DisclosurePurpose purpose,
            @NotNull ExportFormat format,
            @Size(max = 10_000) String description,
            @Size(max = 1000) String legalBasis) {
    }

    record ExportCreated(UUID exportId, UUID disclosureId, long version, ExportFormat format, URI location) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the complete case file for a recipient; records the disclosure",
            description = "201 with the document's Location; GET it as application/pdf or application/json.")
    ResponseEntity<?> export(@PathVariable UUID caseId, @Valid @RequestBody ExportRequest body,
                             HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID exportId = UUID.randomUUID();
            UUID disclosureId = UUID.randomUUID();
            String description = blank(body.description())
                    ? "Complete case file export (" + body.format() + ")" : body.description();
            String legalBasis = blank(body.legalBasis()) ? "Not stated at export" : body.legalBasis();
            long version = commands.send(new RecordDisclosure(caseId, disclosureId,
                    new Recipient(body.recipient().name(), body.recipient().organization(), body.recipient().address()),
                    body.purpose(), description, legalBasis, LocalDate.now(clock), exportId, body.format(), expected));
            URI location = URI.create("/api/cases/" + caseId + "/exports/" + exportId);
            return ResponseEntity.created(location).eTag(Versions.etag(version))
                    .body(new ExportCreated(exportId, disclosureId, version, body.format(), location));
        });
    }

    @GetMapping(path = "/{exportId}", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The exported document, in the format chosen when it was created")
    ResponseEntity<byte[]> document(@PathVariable UUID caseId, @PathVariable UUID exportId) {
        CaseFileExport export = documents.export(caseId, exportId);
        boolean asPdf = formatOf(export) == ExportFormat.PDF;
        byte[] content = asPdf ? pdf.render(export) : json.writeValueAsBytes(export);
        String filename = "case-" + caseId + "-v" + export.version() + (asPdf ? ".pdf" : ".json");
        return ResponseEntity.ok()
                .contentType(asPdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .eTag(Versions.etag(export.version()))
                .body(content);
    }

    private static ExportFormat formatOf(CaseFileExport export) {
        return export.disclosures().stream()
                .filter(disclosure -> export.exportId().equals(disclosure.exportId()))
                .map(disclosure -> disclosure.exportFormat())
                .findFirst()
                .orElseThrow();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
