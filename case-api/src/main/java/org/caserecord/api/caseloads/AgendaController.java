package org.caserecord.api.caseloads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.caserecord.api.audit.AccessLogFilter;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Periods;
import org.caserecord.projections.scheduling.AgendaItem;
import org.caserecord.projections.scheduling.AgendaQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case manager's agenda: scheduled meetings still to be held and open follow-ups of their open
 * cases, in time order; as JSON, or with {@code Accept: text/calendar} as an iCalendar feed.
 */
@RestController
@RequestMapping(path = "/api/caseloads/{caseManagerId}/agenda")
@Tag(name = "Caseloads", description = "Each case manager's open cases, and the supervisor's overview")
class AgendaController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    private static final Duration LONGEST_SPAN = Duration.ofDays(366);
    private static final int MOST_ITEMS = 1000;

    private final AgendaQueries agenda;
    private final Clock clock;
    private final ClinicProperties properties;

    AgendaController(AgendaQueries agenda, Clock clock, ClinicProperties properties) {
        this.agenda = agenda;
        this.clock = clock;
        this.properties = properties;
    }

    record Agenda(String caseManagerId, Instant from, Instant to, List<AgendaItem> items) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A case manager's agenda: scheduled meetings and follow-ups in time order",
            description = """
                    From `from` (default now) to `to` (default 30 days later; at most 366 days), at most 1,000 \
                    items. A follow-up counts from the start of its day in the clinic's time zone. With \
                    Accept: text/calendar the same items as an iCalendar feed (no client names or notes).""")
    Agenda json(@PathVariable String caseManagerId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                HttpServletRequest request) {
        Period period = period(from, to);
        return new Agenda(caseManagerId, period.from(), period.to(), items(caseManagerId, period, request));
    }

    @GetMapping(produces = "text/calendar")
    ResponseEntity<String> calendar(@PathVariable String caseManagerId,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                    HttpServletRequest request) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .body(AgendaCalendar.render(items(caseManagerId, period(from, to), request)));
    }

    private record Period(Instant from, Instant to) {
    }

    /** The period asked for, checked before anything is computed from it; defaults filled in. */
    private Period period(Instant from, Instant to) {
        Periods.check(from, to);
        Instant start = from != null ? from : clock.instant();
        Instant end = to != null ? to : start.plus(DEFAULT_SPAN);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
            throw ApiException.badRequest("invalid-period", "Invalid period",
                    "to must lie after from, and at most 366 days after it.");
        }
        Periods.check(start, end);
        return new Period(start, end);
    }

    private List<AgendaItem> items(String caseManagerId, Period period, HttpServletRequest request) {
        List<AgendaItem> items = agenda.agenda(caseManagerId, period.from(), period.to(), properties.timeZone(),
                MOST_ITEMS);
        // Each case the agenda names is an access to it.
        request.setAttribute(AccessLogFilter.CASES_READ, items.stream().map(AgendaItem::caseId).distinct().toList());
        return items;
    }
}
