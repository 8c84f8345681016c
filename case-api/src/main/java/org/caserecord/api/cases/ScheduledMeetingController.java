package org.caserecord.api.cases;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.caserecord.api.cases.CaseRequests.CancellationRequest;
import org.caserecord.api.cases.CaseRequests.ScheduleMeetingRequest;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.CancelScheduledMeeting;
import org.caserecord.domain.commands.RecordNoShow;
import org.caserecord.domain.commands.ScheduleMeeting;
import org.caserecord.projections.scheduling.ScheduledMeetingQueries;
import org.caserecord.projections.scheduling.ScheduledMeetingView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meetings set up for a time to come. One ends exactly once: held (a recorded meeting names it
 * with {@code scheduledMeetingId}), cancelled, or missed (a no-show, once its time has come).
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/scheduled-meetings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Scheduled meetings", description = "Meetings to come, and how each ended")
class ScheduledMeetingController {

    private final Commands commands;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final ScheduledMeetingQueries scheduledMeetings;

    ScheduledMeetingController(Commands commands, WriteOperations writes, CaseReader reader,
                               ScheduledMeetingQueries scheduledMeetings) {
        this.commands = commands;
        this.writes = writes;
        this.reader = reader;
        this.scheduledMeetings = scheduledMeetings;
    }

    record MeetingScheduled(UUID scheduledMeetingId, long version) {
    }

    record ScheduledMeetingEnded(UUID scheduledMeetingId, String status, long version) {
    }

    record CaseScheduledMeetings(UUID caseId, List<ScheduledMeetingView> scheduledMeetings) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a meeting for a time to come",
            description = "A time that has passed is 400; plannedMinutes 1-1440; location and purpose are optional.")
    ResponseEntity<?> schedule(@PathVariable UUID caseId, @Valid @RequestBody ScheduleMeetingRequest body,
                               HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID scheduledMeetingId = UUID.randomUUID();
            long version = commands.send(new ScheduleMeeting(caseId, scheduledMeetingId, body.type(),
                    body.scheduledFor(), body.plannedMinutes(), CaseController.attendees(body.attendees()),
                    body.location(), body.purpose(), expected));
            return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/scheduled-meetings/"
                            + scheduledMeetingId))
                    .eTag(Versions.etag(version))
                    .body(new MeetingScheduled(scheduledMeetingId, version));
        });
    }

    @PostMapping(path = "/{scheduledMeetingId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a scheduled meeting, for a reason")
    ResponseEntity<?> cancel(@PathVariable UUID caseId, @PathVariable UUID scheduledMeetingId,
                             @Valid @RequestBody CancellationRequest body, HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            long version = commands.send(new CancelScheduledMeeting(caseId, scheduledMeetingId, body.reason(),
                    expected));
            return ResponseEntity.ok().eTag(Versions.etag(version))
                    .body(new ScheduledMeetingEnded(scheduledMeetingId, "CANCELLED", version));
        });
    }

    @PostMapping(path = "/{scheduledMeetingId}/no-show")
    @Operation(summary = "Record that nobody came (only once the meeting's time has come; before: 409)")
    ResponseEntity<?> noShow(@PathVariable UUID caseId, @PathVariable UUID scheduledMeetingId,
                             HttpServletRequest request) {
        return writes.execute(request, null, expected -> {
            long version = commands.send(new RecordNoShow(caseId, scheduledMeetingId, expected));
            return ResponseEntity.ok().eTag(Versions.etag(version))
                    .body(new ScheduledMeetingEnded(scheduledMeetingId, "MISSED", version));
        });
    }

    @GetMapping
    @Operation(summary = "The case's scheduled meetings in time order, with how each ended")
    CaseScheduledMeetings list(@PathVariable UUID caseId) {
        reader.awaitProjected(caseId);
        return new CaseScheduledMeetings(caseId, scheduledMeetings.forCase(caseId));
    }

    @GetMapping("/{scheduledMeetingId}")
    @Operation(summary = "One scheduled meeting")
    ScheduledMeetingView one(@PathVariable UUID caseId, @PathVariable UUID scheduledMeetingId) {
        reader.awaitProjected(caseId);
        return scheduledMeetings.find(caseId, scheduledMeetingId).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "scheduled-meeting-not-found", "Scheduled meeting not found",
                "The case has no scheduled meeting with this id."));
    }
}
