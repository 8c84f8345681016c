package org.caserecord.api.caseloads;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.projections.caseload.CaseloadEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.projections.caseload.CaseloadEntry;
import org.caserecord.projections.caseload.CaseloadPage;
import org.caserecord.projections.caseload.CaseloadQueries;
import org.caserecord.projections.caseload.CaseloadQuery;
import org.caserecord.projections.caseload.ManagerOverview;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/caseloads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Caseloads", description = "Each case manager's open cases, and the supervisor's overview")
class CaseloadController {

    private final CaseloadQueries caseloads;
    private final Clock clock;
    private final ClinicProperties properties;

    CaseloadController(CaseloadQueries caseloads, Clock clock, ClinicProperties properties) {
        this.caseloads = caseloads;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/{caseManagerId}")
    @Operation(summary = "A case manager's open cases",
            description = "Oldest first, or with sort=nextDue the soonest follow-up first. A case is overdue when a"
                    + " follow-up is past due or there was no contact for more than caserecord.overdue-after-days."
                    + " Paginated: pass nextCursor as cursor (with the same sort).")
    CaseloadPage caseload(@PathVariable String caseManagerId,
                          @RequestParam(required = false) Boolean overdue,
                          @RequestParam(required = false) RiskLevel riskLevel,
                          @RequestParam(defaultValue = "openedOn") CaseloadSort sort,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                          @RequestParam(required = false) String cursor,
                          HttpServletRequest request) {
        Instant now = clock.instant();
        CaseloadPage page = caseloads.openCases(new CaseloadQuery(caseManagerId, overdue, riskLevel, sort.query(),
                limit, cursor, now, LocalDate.now(clock), properties.overdueAfterDays()));
        // The rows name clients: each case shown is an access to it.
        request.setAttribute(AccessLogFilter.CASES_READ, page.cases().stream().map(CaseloadEntry::caseId).toList());
        return page;
    }

    @GetMapping
    @Operation(summary = "The supervisor's overview",
            description = "Per case manager: open cases, overdue, at HIGH or IMMINENT risk, pending referrals.")
    List<ManagerOverview> overview() {
        return caseloads.overview(clock.instant(), LocalDate.now(clock), properties.overdueAfterDays());
    }
}
