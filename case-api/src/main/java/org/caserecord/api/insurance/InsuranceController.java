package org.caserecord.api.insurance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Periods;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insurance-ready summaries for a payer and period, as JSON (default), CSV or a FHIR R4 Bundle of
 * Claims. Every client in a summary is an access to their case and is written to the access log.
 */
@RestController
@RequestMapping("/api/insurance/summaries")
@Tag(name = "Insurance", description = "Coverage, billable services and reimbursement")
class InsuranceController {

    static final String FHIR_JSON = "application/fhir+json";
    private static final MediaType FHIR = MediaType.parseMediaType(FHIR_JSON);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final InsuranceSummaries summaries;
    private final FhirClaims fhir;
    private final Clock clock;

    InsuranceController(InsuranceSummaries summaries, FhirClaims fhir, Clock clock) {
        this.summaries = summaries;
        this.fhir = fhir;
        this.clock = clock;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv", FHIR_JSON})
    @Operation(summary = "The insurance-ready summary of a payer's filed lines in a period",
            description = "Per client: member id, name, date of birth, coverage, diagnoses (primary first), lines "
                    + "with totals and request status. from/to (dates) default to the current month. JSON unless "
                    + "Accept asks for text/csv or application/fhir+json (a FHIR R4 Bundle of Claims).")
    ResponseEntity<?> summary(@RequestParam String payerId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                              HttpServletRequest request) {
        InsuranceSummary summary = summary(payerId, from, to, request);
        List<MediaType> wanted = accept == null ? new ArrayList<>() : new ArrayList<>(MediaType.parseMediaTypes(accept));
        MimeTypeUtils.sortBySpecificity(wanted);
        for (MediaType type : wanted) {
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                return ResponseEntity.ok().contentType(CSV).body(InsuranceCsv.of(summary));
            }
            if (type.isCompatibleWith(FHIR) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return ResponseEntity.ok().contentType(FHIR).body(fhir.toJson(summary));
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                break;
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
    }

    private InsuranceSummary summary(String payerId, LocalDate from, LocalDate to, HttpServletRequest request) {
        if (payerId.isBlank() || payerId.length() > 100) {
            throw ApiException.badRequest("invalid-payer", "Invalid payer", "payerId is a payer's id.");
        }
        YearMonth month = YearMonth.now(clock);
        LocalDate since = from != null ? from : month.atDay(1);
        LocalDate until = to != null ? to : month.atEndOfMonth();
        Periods.check(since, until);
        InsuranceSummary summary = summaries.summary(payerId, since, until);
        request.setAttribute(AccessLogFilter.CASES_READ,
                summary.clients().stream().map(InsuranceSummary.Client::caseId).toList());
        return summary;
    }
}
