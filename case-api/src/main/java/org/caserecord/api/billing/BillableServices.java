package org.caserecord.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.api.history.PointInTime;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.events.CoverageEnded;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.DiagnosisResolved;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.ReimbursementDecision;
import org.springframework.stereotype.Component;

/**
 * The billable services of a case, derived from its events: every meeting recorded with billing,
 * priced by the catalog under the payer of the primary coverage active on its date of service,
 * with the diagnoses active on that date as pointers (primary first); and the reimbursement
 * requests filed for them.
 */
@Component
class BillableServices {

    /** One service line: BILLED while its meeting is in a pending or paid request, else UNBILLED. */
    record Line(UUID meetingId, LocalDate dateOfService, String serviceCode, List<String> modifiers, int units,
                BigDecimal unitRate, BigDecimal charge, String placeOfService, String renderingNpi, String payerId,
                List<String> diagnosisPointers, String status) {
    }

    private record Diagnosis(String code, boolean primary, LocalDate from, LocalDate until) {
        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    private record Coverage(String payerId, CoveragePriority priority, LocalDate from, LocalDate to) {
        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** A reimbursement request as filed, with the payer's decision once there is one. */
    record Request(UUID requestId, UUID coverageId, String payerId, LocalDate periodFrom, LocalDate periodTo,
                   List<ClaimLine> lines, BigDecimal total, String status, BigDecimal amountPaid,
                   String payerReference, String reasonCode, Instant requestedAt, Instant decidedAt) {
    }

    private final PointInTime pointInTime;
    private final BillingCatalog catalog;
    private final ZoneId zone;

    BillableServices(PointInTime pointInTime, BillingCatalog catalog, ClinicProperties properties) {
        this.pointInTime = pointInTime;
        this.catalog = catalog;
        this.zone = properties.timeZone();
    }

    /** The case's reimbursement requests, oldest first. */
    List<Request> requests(UUID caseId) {
        Map<UUID, Request> requests = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : pointInTime.events(caseId)) {
            if (event.getPayload() instanceof ReimbursementRequested r) {
                requests.put(r.requestId(), new Request(r.requestId(), r.coverageId(), r.payerId(), r.periodFrom(),
                        r.periodTo(), r.lines(), r.total(), "PENDING", null, null, null, event.getTimestamp(), null));
            } else if (event.getPayload() instanceof ReimbursementDecided d && requests.containsKey(d.requestId())) {
                Request r = requests.get(d.requestId());
                requests.put(d.requestId(), new Request(r.requestId(), r.coverageId(), r.payerId(), r.periodFrom(),
                        r.periodTo(), r.lines(), r.total(), d.decision().name(), d.amountPaid(), d.payerReference(),
                        d.reasonCode(), r.requestedAt(), event.getTimestamp()));
            }
        }
        return List.copyOf(requests.values());
    }

    /** The lines priced under the payer of the primary coverage active on each date of service. */
    List<Line> lines(UUID caseId) {
        return lines(caseId, null);
    }

    /**
     * The lines; with {@code payerId}, priced under that payer (for a request under a given
     * coverage) instead of each date's primary coverage.
     */
    List<Line> lines(UUID caseId, String payerId) {
        Map<UUID, Diagnosis> diagnoses = new LinkedHashMap<>();
        Map<UUID, Coverage> coverages = new LinkedHashMap<>();
        Set<UUID> billed = new HashSet<>();
        Map<UUID, List<UUID>> requested = new HashMap<>();
        List<DomainEventMessage<?>> meetings = new ArrayList<>();
        for (DomainEventMessage<?> event : pointInTime.events(caseId)) {
            Object payload = event.getPayload();
            if (payload instanceof ReimbursementRequested r) {
                List<UUID> ids = r.lines().stream().map(ClaimLine::meetingId).toList();
                requested.put(r.requestId(), ids);
                billed.addAll(ids);
            } else if (payload instanceof ReimbursementDecided d && d.decision() == ReimbursementDecision.DENIED) {
                requested.getOrDefault(d.requestId(), List.of()).forEach(billed::remove);
            } else if (payload instanceof MeetingRecorded meeting && meeting.billing() != null) {
                meetings.add(event);
            } else if (payload instanceof DiagnosisRecorded d) {
                diagnoses.put(d.diagnosisId(), new Diagnosis(d.code(), d.primary(), d.diagnosedOn(), null));
            } else if (payload instanceof DiagnosisResolved r && diagnoses.containsKey(r.diagnosisId())) {
                Diagnosis d = diagnoses.get(r.diagnosisId());
                diagnoses.put(r.diagnosisId(), new Diagnosis(d.code(), d.primary(), d.from(), r.resolvedOn()));
            } else if (payload instanceof CoverageAdded c) {
                coverages.put(c.coverageId(), new Coverage(c.payerId(), c.priority(), c.effectiveFrom(),
                        c.effectiveTo()));
            } else if (payload instanceof CoverageEnded e && coverages.containsKey(e.coverageId())) {
                Coverage c = coverages.get(e.coverageId());
                coverages.put(e.coverageId(), new Coverage(c.payerId(), c.priority(), c.from(), e.endedOn()));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (DomainEventMessage<?> event : meetings) {
            MeetingRecorded meeting = (MeetingRecorded) event.getPayload();
            LocalDate day = meeting.occurredAt().atZone(zone).toLocalDate();
            String payer = payerId != null ? payerId : coverages.values().stream()
                    .filter(c -> c.priority() == CoveragePriority.PRIMARY && c.activeOn(day))
                    .map(Coverage::payerId)
                    .findFirst()
                    .orElse(null);
            Object actor = event.getMetaData().get(RequestMetadata.ACTOR);
            List<String> pointers = diagnoses.values().stream()
                    .filter(d -> d.activeOn(day))
                    .sorted(Comparator.comparing((Diagnosis d) -> !d.primary()))
                    .map(Diagnosis::code)
                    .toList();
            catalog.price(meeting.billing().serviceCode(), meeting.durationMinutes(),
                            actor == null ? null : actor.toString(), payer)
                    .ifPresent(price -> lines.add(new Line(meeting.meetingId(), day, price.code(), price.modifiers(),
                            price.units(), price.unitRate(), price.charge(), meeting.billing().placeOfService(),
                            price.renderingNpi(), payer, pointers,
                            billed.contains(meeting.meetingId()) ? "BILLED" : "UNBILLED")));
        }
        lines.sort(Comparator.comparing(Line::dateOfService).thenComparing(line -> line.meetingId().toString()));
        return lines;
    }
}
