package org.caserecord.api.cases;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.caserecord.api.cases.ClinicalRequests.AmendmentRequest;
import org.caserecord.api.cases.ClinicalRequests.AssessmentRequest;
import org.caserecord.api.cases.ClinicalRequests.ConsentRequest;
import org.caserecord.api.cases.ClinicalRequests.ConsentRevocationRequest;
import org.caserecord.api.cases.ClinicalRequests.DiagnosisRequest;
import org.caserecord.api.cases.ClinicalRequests.DiagnosisResolutionRequest;
import org.caserecord.api.cases.ClinicalRequests.EducationRequest;
import org.caserecord.api.cases.ClinicalRequests.FamilyMemberRequest;
import org.caserecord.api.cases.ClinicalRequests.FollowUpCompletionRequest;
import org.caserecord.api.cases.ClinicalRequests.FollowUpRequest;
import org.caserecord.api.cases.ClinicalRequests.GoalProgressRequest;
import org.caserecord.api.cases.ClinicalRequests.InterventionRequest;
import org.caserecord.api.cases.ClinicalRequests.ProviderReportRequest;
import org.caserecord.api.cases.ClinicalRequests.ReassignmentRequest;
import org.caserecord.api.cases.ClinicalRequests.TreatmentPlanRequest;
import org.caserecord.api.cases.ClinicalResponses.AmendmentCreated;
import org.caserecord.api.cases.ClinicalResponses.AssessmentCreated;
import org.caserecord.api.cases.ClinicalResponses.Changed;
import org.caserecord.api.cases.ClinicalResponses.ConsentCreated;
import org.caserecord.api.cases.ClinicalResponses.DiagnosisCreated;
import org.caserecord.api.cases.ClinicalResponses.EducationCreated;
import org.caserecord.api.cases.ClinicalResponses.FamilyMemberCreated;
import org.caserecord.api.cases.ClinicalResponses.FollowUpCreated;
import org.caserecord.api.cases.ClinicalResponses.GoalProgressCreated;
import org.caserecord.api.cases.ClinicalResponses.ProviderReportCreated;
import org.caserecord.api.cases.ClinicalResponses.TreatmentPlanSaved;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.AddFamilyMember;
import org.caserecord.domain.commands.AmendEntry;
import org.caserecord.domain.commands.CompleteFollowUp;
import org.caserecord.domain.commands.PlannedGoal;
import org.caserecord.domain.commands.ReassignCaseManager;
import org.caserecord.domain.commands.RecordAssessment;
import org.caserecord.domain.commands.RecordConsent;
import org.caserecord.domain.commands.RecordDiagnosis;
import org.caserecord.domain.commands.RecordEducationProvided;
import org.caserecord.domain.commands.RecordGoalProgress;
import org.caserecord.domain.commands.RecordProviderReport;
import org.caserecord.domain.commands.ResolveDiagnosis;
import org.caserecord.domain.commands.RevokeConsent;
import org.caserecord.domain.commands.ScheduleFollowUp;
import org.caserecord.domain.commands.SetTreatmentPlan;
import org.caserecord.domain.commands.TreatmentPlanResult;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.Provider;
import org.caserecord.projections.casefile.CaseFileView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinical record of a case over HTTP: assessments, diagnoses, the treatment plan and
 * progress, provider reports, follow-ups, education, family, consent, reassignment and
 * amendments. Same conventions as {@link CaseController}: 201 with Location for new
 * entries, the case version in ETag and body, If-Match and Idempotency-Key on every write.
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Clinical record", description = "Assessments, diagnoses, plan, reports, follow-ups, consent and more")
class ClinicalRecordController {

    private final Commands commands;
    private final WriteOperations writes;
    private final CaseReader reader;
    private final Clock clock;
    private final Providers providers;

    ClinicalRecordController(Commands commands, WriteOperations writes, CaseReader reader, Clock clock,
                             Providers providers) {
        this.providers = providers;
        this.commands = commands;
        this.writes = writes;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an assessment", description = "riskLevel is required for RISK assessments.")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AssessmentCreated.class)))
    ResponseEntity<?> recordAssessment(@PathVariable UUID caseId, @Valid @RequestBody AssessmentRequest body,
                                       HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordAssessment(caseId, id, body.type(), body.occurredAt(),
                    body.summary(), body.needs(), body.riskLevel(), expected));
            return created(caseId, "assessments", id, version, new AssessmentCreated(id, version));
        });
    }

    @PostMapping(path = "/diagnoses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a diagnosis (ICD-10-CM)", description = "At most one active primary diagnosis.")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DiagnosisCreated.class)))
    ResponseEntity<?> recordDiagnosis(@PathVariable UUID caseId, @Valid @RequestBody DiagnosisRequest body,
                                      HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordDiagnosis(caseId, id, body.code(), body.description(),
                    Boolean.TRUE.equals(body.primary()), body.diagnosedBy(), body.diagnosedOn(), expected));
            return created(caseId, "diagnoses", id, version, new DiagnosisCreated(id, version));
        });
    }

    @PostMapping(path = "/diagnoses/{diagnosisId}/resolution")
    @Operation(summary = "Resolve a diagnosis", description = "The body is optional; resolvedOn defaults to today.")
    ResponseEntity<?> resolveDiagnosis(@PathVariable UUID caseId, @PathVariable UUID diagnosisId,
                                       @Valid @RequestBody(required = false) DiagnosisResolutionRequest resolution,
                                       HttpServletRequest request) {
        DiagnosisResolutionRequest body = resolution != null ? resolution : new DiagnosisResolutionRequest(null, null);
        return writes.execute(request, body, expected -> {
            LocalDate resolvedOn = body.resolvedOn() != null ? body.resolvedOn() : LocalDate.now(clock);
            long version = commands.send(new ResolveDiagnosis(caseId, diagnosisId, resolvedOn, body.reason(),
                    expected));
            return ok(version, new Changed(diagnosisId, "RESOLVED", version));
        });
    }

    @PutMapping(path = "/treatment-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the treatment plan",
            description = "Every call makes a new plan version; earlier versions are kept. Goals without goalId"
                    + " are new; goals with goalId carry a goal of the current plan over.")
    ResponseEntity<?> setTreatmentPlan(@PathVariable UUID caseId, @Valid @RequestBody TreatmentPlanRequest body,
                                       HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            List<PlannedGoal> goals = body.goals().stream()
                    .map(goal -> new PlannedGoal(goal.goalId(), goal.goalId() == null ? UUID.randomUUID() : null,
                            goal.description(), goal.targetDate()))
                    .toList();
            List<Intervention> interventions = new ArrayList<>();
            if (body.interventions() != null) {
                for (int i = 0; i < body.interventions().size(); i++) {
                    InterventionRequest intervention = body.interventions().get(i);
                    interventions.add(new Intervention(intervention.description(),
                            providers.resolve(intervention.provider(), intervention.resourceId(),
                                    "interventions[" + i + "].", false),
                            intervention.frequency()));
                }
            }
            TreatmentPlanResult result = commands.send(new SetTreatmentPlan(caseId, goals, interventions,
                    body.reviewBy(), expected));
            return ok(result.caseVersion(), new TreatmentPlanSaved(result.planVersion(), result.caseVersion()));
        });
    }

    @PostMapping(path = "/treatment-plan/goals/{goalId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record progress towards a goal of the current plan")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = GoalProgressCreated.class)))
    ResponseEntity<?> recordGoalProgress(@PathVariable UUID caseId, @PathVariable UUID goalId,
                                         @Valid @RequestBody GoalProgressRequest body,
                                         HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordGoalProgress(caseId, id, goalId, body.occurredAt(), body.rating(),
                    body.note(), expected));
            return created(caseId, "goal-progress", id, version, new GoalProgressCreated(id, version));
        });
    }

    @PostMapping(path = "/provider-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a report received from a counselor, social worker or other provider")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProviderReportCreated.class)))
    ResponseEntity<?> recordProviderReport(@PathVariable UUID caseId, @Valid @RequestBody ProviderReportRequest body,
                                           HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordProviderReport(caseId, id,
                    new Provider(body.provider().name(), body.provider().type()), body.receivedOn(),
                    body.periodFrom(), body.periodTo(), body.summary(), expected));
            return created(caseId, "provider-reports", id, version, new ProviderReportCreated(id, version));
        });
    }

    @PostMapping(path = "/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a follow-up")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FollowUpCreated.class)))
    ResponseEntity<?> scheduleFollowUp(@PathVariable UUID caseId, @Valid @RequestBody FollowUpRequest body,
                                       HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new ScheduleFollowUp(caseId, id, body.dueOn(), body.purpose(), expected));
            return created(caseId, "follow-ups", id, version, new FollowUpCreated(id, version));
        });
    }

    @PostMapping(path = "/follow-ups/{followUpId}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a follow-up")
    ResponseEntity<?> completeFollowUp(@PathVariable UUID caseId, @PathVariable UUID followUpId,
                                       @Valid @RequestBody FollowUpCompletionRequest body,
                                       HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            long version = commands.send(new CompleteFollowUp(caseId, followUpId, body.occurredAt(), body.outcome(),
                    body.clientSatisfiedWithTreatment(), expected));
            return ok(version, new Changed(followUpId, "COMPLETED", version));
        });
    }

    @PostMapping(path = "/education", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record education given to the client or a family member")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = EducationCreated.class)))
    ResponseEntity<?> recordEducation(@PathVariable UUID caseId, @Valid @RequestBody EducationRequest body,
                                      HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordEducationProvided(caseId, id, body.occurredAt(), body.recipient(),
                    body.recipientName(), body.topic(), body.format(), body.materials(), expected));
            return created(caseId, "education", id, version, new EducationCreated(id, version));
        });
    }

    @PostMapping(path = "/family-members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a family member")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FamilyMemberCreated.class)))
    ResponseEntity<?> addFamilyMember(@PathVariable UUID caseId, @Valid @RequestBody FamilyMemberRequest body,
                                      HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new AddFamilyMember(caseId, id, body.name(), body.relationship(),
                    body.contact(), Boolean.TRUE.equals(body.involvedInTreatment()), expected));
            return created(caseId, "family-members", id, version, new FamilyMemberCreated(id, version));
        });
    }

    @PostMapping(path = "/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the client's consent to share information")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ConsentCreated.class)))
    ResponseEntity<?> recordConsent(@PathVariable UUID caseId, @Valid @RequestBody ConsentRequest body,
                                    HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new RecordConsent(caseId, id, body.scope(), body.grantedTo(),
                    body.grantedOn(), body.validUntil(), expected));
            return created(caseId, "consents", id, version, new ConsentCreated(id, version));
        });
    }

    @PostMapping(path = "/consents/{consentId}/revocation")
    @Operation(summary = "Revoke a consent", description = "The body is optional; revokedOn defaults to today.")
    ResponseEntity<?> revokeConsent(@PathVariable UUID caseId, @PathVariable UUID consentId,
                                    @Valid @RequestBody(required = false) ConsentRevocationRequest body,
                                    HttpServletRequest request) {
        ConsentRevocationRequest revocation = body != null ? body : new ConsentRevocationRequest(null);
        return writes.execute(request, revocation, expected -> {
            LocalDate revokedOn = revocation.revokedOn() != null ? revocation.revokedOn() : LocalDate.now(clock);
            long version = commands.send(new RevokeConsent(caseId, consentId, revokedOn, expected));
            return ok(version, new Changed(consentId, "REVOKED", version));
        });
    }

    @PostMapping(path = "/reassignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the case to another case manager's caseload")
    ResponseEntity<?> reassign(@PathVariable UUID caseId, @Valid @RequestBody ReassignmentRequest body,
                               HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            long version = commands.send(new ReassignCaseManager(caseId, body.caseManagerId(), body.reason(),
                    expected));
            return ok(version, new Changed(caseId, "REASSIGNED", version));
        });
    }

    @PostMapping(path = "/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct an entry by addendum", description = "The entry itself is never changed.")
    @ApiResponse(responseCode = "201", description = "Created; ETag is the new case version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AmendmentCreated.class)))
    ResponseEntity<?> amend(@PathVariable UUID caseId, @Valid @RequestBody AmendmentRequest body,
                            HttpServletRequest request) {
        return writes.execute(request, body, expected -> {
            UUID id = UUID.randomUUID();
            long version = commands.send(new AmendEntry(caseId, id, body.entryId(), body.text(), body.reason(),
                    expected));
            return ResponseEntity.created(URI.create("/api/cases/" + caseId)).eTag(Versions.etag(version))
                    .body(new AmendmentCreated(id, version));
        });
    }

    @GetMapping("/{collection:assessments|diagnoses|goal-progress|provider-reports|follow-ups|education"
            + "|family-members|consents}/{entryId}")
    @Operation(summary = "Read one entry of the clinical record, with its amendments")
    ResponseEntity<Object> getEntry(@PathVariable UUID caseId, @PathVariable String collection,
                                    @PathVariable UUID entryId) {
        CaseFileView caseFile = reader.read(caseId);
        Object entry = find(collection, caseFile, entryId);
        if (entry == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "entry-not-found", "Entry not found",
                    "The case has no such entry.");
        }
        return ResponseEntity.ok().eTag(Versions.etag(caseFile.version())).body(entry);
    }

    private static Object find(String collection, CaseFileView c, UUID id) {
        return switch (collection) {
            case "assessments" -> first(c.assessments(), e -> e.assessmentId(), id);
            case "diagnoses" -> first(c.diagnoses(), e -> e.diagnosisId(), id);
            case "goal-progress" -> first(c.goalProgress(), e -> e.progressId(), id);
            case "provider-reports" -> first(c.providerReports(), e -> e.reportId(), id);
            case "follow-ups" -> first(c.followUps(), e -> e.followUpId(), id);
            case "education" -> first(c.education(), e -> e.educationId(), id);
            case "family-members" -> first(c.familyMembers(), e -> e.memberId(), id);
            case "consents" -> first(c.consents(), e -> e.consentId(), id);
            default -> null;
        };
    }

    private static <T> T first(List<T> entries, Function<T, UUID> id, UUID wanted) {
        return entries.stream().filter(e -> wanted.equals(id.apply(e))).findFirst().orElse(null);
    }

    private static ResponseEntity<?> created(UUID caseId, String collection, UUID id, long version, Object body) {
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/" + collection + "/" + id))
                .eTag(Versions.etag(version)).body(body);
    }

    private static ResponseEntity<?> ok(long version, Object body) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(body);
    }
}
