package org.caserecord.api.dashboard;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.caserecord.api.web.ApiException;
import org.caserecord.projections.dashboard.Dashboard;
import org.caserecord.projections.dashboard.DashboardQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dashboard", description = "Counts for reporting dashboards")
class DashboardController {

    /** A period longer than this is almost certainly a typo in a year. */
    private static final int MAX_PERIOD_YEARS = 20;

    private final DashboardQueries dashboards;
    private final Clock clock;

    DashboardController(DashboardQueries dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Dashboard figures for a period",
            description = "from and to are inclusive dates; they default to the first day of this month and today."
                    + " The same figures can be read in SQL from the reporting views.")
    Dashboard dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate periodTo = to != null ? to : today;
        LocalDate periodFrom = from != null ? from : periodTo.withDayOfMonth(1);
        if (periodFrom.isAfter(periodTo) || periodFrom.plusYears(MAX_PERIOD_YEARS).isBefore(periodTo)) {
            throw ApiException.badRequest("invalid-period", "Invalid period",
                    "from must not be after to, and a period spans at most " + MAX_PERIOD_YEARS + " years.");
        }
        return dashboards.dashboard(periodFrom, periodTo, today);
    }
}
