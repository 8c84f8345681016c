package org.caserecord.api.cases;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.caserecord.api.cases.CaseRequests.AddReferralRequest;
import org.caserecord.api.cases.CaseRequests.AttendeeRequest;
import org.caserecord.api.cases.CaseRequests.CloseCaseRequest;
import org.caserecord.api.cases.CaseRequests.OpenCaseRequest;
import org.caserecord.api.cases.CaseRequests.RecordMeetingRequest;
import org.caserecord.api.cases.CaseRequests.ReferralOutcomeRequest;
import org.caserecord.api.cases.CaseRequests.ReopenCaseRequest;
import org.caserecord.api.cases.CaseResponses.CaseCreated;
import org.caserecord.api.cases.CaseResponses.CaseStatusChanged;
import org.caserecord.api.cases.CaseResponses.MeetingCreated;
import org.caserecord.api.cases.CaseResponses.ReferralCreated;
import org.caserecord.api.cases.CaseResponses.ReferralOutcomeRecorded;
import org.caserecord.api.access.BillingCaseView;
import org.caserecord.api.access.CallerRoles;
import org.caserecord.api.billing.BillingCatalog;
import org.caserecord.api.history.PointInTime;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.Provider;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.casefile.MeetingView;
import org.caserecord.projections.casefile.ReferralView;
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
 * The case lifecycle over HTTP. Writes become commands on the CaseFile aggregate; reads
 * come from the case file read model. Every write may carry {@code If-Match} (the case
 * version it expects) and {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Open, record on, close and reopen cases")
class CaseController {

    private final Commands commands;
    private final Providers providers;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final PointInTime pointInTime;
    private final BillingCatalog catalog;
    private final Clock clock;

    CaseController(Commands commands, WriteOperations writes, CaseReader reader, PointInTime pointInTime,
                   BillingCatalog catalog, Providers providers, Clock clock) {
        this.commands = commands;
        this.providers = providers;
        this.writes = writes;
        this.reader = reader;
        this.pointInTime = pointInTime;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case", description = "The case manager defaults to the caller, openedOn to today.")
    @ApiResponse(responseCode = "201", description = "Opened; Location and ETag name the new case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseCreated.class)))
    ResponseEntity<?> openCase(@Valid @RequestBody OpenCaseRequest body, HttpServletRequest request) {
        return writes.execute(request, body, () -> {
            UUID caseId = UUID.randomUUID();
            String caller = RequestMetadata.currentActor();
            if (body.caseManagerId() != null && !body.caseManagerId().equals(caller) && !CallerRoles.supervisor()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "assignment-not-allowed", "Assignment not allowed",
                        "A case manager opens cases for themselves; a supervisor assigns cases to others.");
            }
            String caseManagerId = body.caseManagerId() != null ? body.caseManagerId() : caller;
            LocalDate openedOn = body.openedOn() != null ? body.openedOn() : LocalDate.now(clock);
            commands.send(new OpenCase(caseId, new Client(body.client().name(), body.client().dateOfBirth()),
                    caseManagerId, openedOn, body.referralSource(), body.presentingConcerns()));
            return created(URI.create("/api/cases/" + caseId), 0L, new CaseCreated(caseId, 0L));
        });
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Read a case file, now or as it stood earlier",
            description = """
                    The ETag header carries the case version. With asOf (an ISO-8601 instant) the case file is                     rebuilt from the events recorded up to that instant; with version, from the events up to that                     version. Before the case existed, or for a version it never had: 404.""")
    ResponseEntity<?> getCase(@PathVariable UUID caseId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                         @RequestParam(required = false) @Min(0) Long version) {
        if (asOf != null && version != null) {
            throw ApiException.badRequest("conflicting-parameters", "Conflicting parameters",
                    "Ask for the case as of an instant or at a version, not both.");
        }
        CaseFileView caseFile = asOf != null ? pointInTime.atInstant(caseId, asOf)
                : version != null ? pointInTime.atVersion(caseId, version)
                : reader.read(caseId);
        Object view = CallerRoles.billingOnly() ? BillingCaseView.of(caseFile) : caseFile;
        return ResponseEntity.ok().eTag(Versions.etag(caseFile.version())).body(view);
    }

    @PostMapping(path = "/{caseId}/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a meeting that took place")
    @ApiResponse(responseCode = "201", description = "Recorded; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MeetingCreated.class)))
    ResponseEntity<?> recordMeeting(@PathVariable UUID caseId, @Valid @RequestBody RecordMeetingRequest body,
                                    HttpServletRequest request) {
        MeetingBilling billing = body.billing() == null ? null
                : new MeetingBilling(body.billing().serviceCode(), body.billing().placeOfService());
        if (billing != null && !catalog.bills(billing.serviceCode())) {
            throw ApiException.badRequest("unknown-service-code", "Unknown service code",
                    "billing.serviceCode must be one of the clinic's billed services: "
                            + String.join(", ", catalog.serviceCodes()) + ".");
        }
        return writes.execute(request, body, expectedVersion -> {
            UUID meetingId = UUID.randomUUID();
            long version = commands.send(new RecordMeeting(caseId, meetingId, body.type(), body.occurredAt(),
                    body.durationMinutes(), attendees(body.attendees()), body.notes(), billing,
                    body.scheduledMeetingId(), expectedVersion));
            return created(URI.create("/api/cases/" + caseId + "/meetings/" + meetingId), version,
                    new MeetingCreated(meetingId, version));
        });
    }

    @GetMapping("/{caseId}/meetings/{meetingId}")
    @Operation(summary = "Read one recorded meeting")
    ResponseEntity<MeetingView> getMeeting(@PathVariable UUID caseId, @PathVariable UUID meetingId) {
        CaseFileView caseFile = reader.read(caseId);
        MeetingView meeting = caseFile.meetings().stream()
                .filter(m -> m.meetingId().equals(meetingId))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "meeting-not-found", "Meeting not found",
                        "The case has no meeting with this id."));
        return ResponseEntity.ok().eTag(Versions.etag(caseFile.version())).body(meeting);
    }

    @PostMapping(path = "/{caseId}/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refer the client to a provider or resource",
            description = "Name the provider by hand (provider) or choose a resource of the directory (resourceId):"
                    + " its name, type and contact are then recorded as they are now. A retired resource is 409.")
    @ApiResponse(responseCode = "201", description = "Referral added; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReferralCreated.class)))
    ResponseEntity<?> addReferral(@PathVariable UUID caseId, @Valid @RequestBody AddReferralRequest body,
                                  HttpServletRequest request) {
        return writes.execute(request, body, expectedVersion -> {
            UUID referralId = UUID.randomUUID();
            Provider provider = providers.resolve(body.provider(), body.resourceId(), "", true);
            long version = commands.send(new AddReferral(caseId, referralId, provider, body.reason(), body.urgency(),
                    expectedVersion));
            return created(URI.create("/api/cases/" + caseId + "/referrals/" + referralId), version,
                    new ReferralCreated(referralId, version));
        });
    }

    @GetMapping("/{caseId}/referrals/{referralId}")
    @Operation(summary = "Read one referral and its status")
    ResponseEntity<ReferralView> getReferral(@PathVariable UUID caseId, @PathVariable UUID referralId) {
        CaseFileView caseFile = reader.read(caseId);
        ReferralView referral = caseFile.referrals().stream()
                .filter(r -> r.referralId().equals(referralId))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "referral-not-found",
                        "Referral not found", "The case has no referral with this id."));
        return ResponseEntity.ok().eTag(Versions.etag(caseFile.version())).body(referral);
    }

    @PostMapping(path = "/{caseId}/referrals/{referralId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a referral's outcome",
            description = "ACCEPTED, DECLINED, COMPLETED or CANCELLED; declining and cancelling need a reason.")
    @ApiResponse(responseCode = "200", description = "Recorded; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReferralOutcomeRecorded.class)))
    ResponseEntity<?> recordReferralOutcome(@PathVariable UUID caseId, @PathVariable UUID referralId,
                                            @Valid @RequestBody ReferralOutcomeRequest body,
                                            HttpServletRequest request) {
        return writes.execute(request, body, expectedVersion -> {
            long version = commands.send(new RecordReferralOutcome(caseId, referralId, body.outcome(), body.reason(),
                    body.declineReason(), expectedVersion));
            return ok(version, new ReferralOutcomeRecorded(referralId,
                    org.caserecord.domain.model.ReferralStatus.after(body.outcome()), version));
        });
    }

    @PostMapping(path = "/{caseId}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close a case", description = "Every referral needs a final outcome first.")
    @ApiResponse(responseCode = "200", description = "Closed; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseStatusChanged.class)))
    ResponseEntity<?> closeCase(@PathVariable UUID caseId, @Valid @RequestBody CloseCaseRequest body,
                                HttpServletRequest request) {
        return writes.execute(request, body, expectedVersion -> {
            LocalDate closedOn = body.closedOn() != null ? body.closedOn() : LocalDate.now(clock);
            long version = commands.send(new CloseCase(caseId, body.reason(), body.summary(), closedOn,
                    expectedVersion));
            return ok(version, new CaseStatusChanged(caseId, CaseStatus.CLOSED, version));
        });
    }

    @PostMapping(path = "/{caseId}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reopen a closed case")
    @ApiResponse(responseCode = "200", description = "Reopened; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseStatusChanged.class)))
    ResponseEntity<?> reopenCase(@PathVariable UUID caseId, @Valid @RequestBody ReopenCaseRequest body,
                                 HttpServletRequest request) {
        return writes.execute(request, body, expectedVersion -> {
            long version = commands.send(new ReopenCase(caseId, body.reason(), expectedVersion));
            return ok(version, new CaseStatusChanged(caseId, CaseStatus.OPEN, version));
        });
    }

    static List<Attendee> attendees(List<AttendeeRequest> attendees) {
        return attendees == null ? List.of()
                : attendees.stream().map(a -> new Attendee(a.name(), a.role())).toList();
    }

    private static ResponseEntity<?> created(URI location, long version, Object body) {
        return ResponseEntity.created(location).eTag(Versions.etag(version)).body(body);
    }

    private static ResponseEntity<?> ok(long version, Object body) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(body);
    }
}
