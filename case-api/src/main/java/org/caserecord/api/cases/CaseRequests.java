package org.caserecord.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralOutcome;
import org.caserecord.domain.model.Urgency;

/**
 * Request bodies of the case endpoints. They hold only what a caller may set: ids,
 * versions and the acting user are the server's. Limits keep one field from swallowing
 * the 1 MiB body limit; dates and rules are checked by the CaseFile itself.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    record OpenCaseRequest(
            @NotNull @Valid ClientRequest client,
            @Size(min = 1, max = 255) String caseManagerId,
            LocalDate openedOn,
            @Size(max = 2000) String referralSource,
            @Size(max = 20_000) String presentingConcerns) {
    }

    record ClientRequest(
            @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate dateOfBirth) {
    }

    record RecordMeetingRequest(
            @NotNull MeetingType type,
            @NotNull Instant occurredAt,
            @NotNull Integer durationMinutes,
            @Size(max = 100) List<@NotNull @Valid AttendeeRequest> attendees,
            @Size(max = 100_000) String notes,
            @Valid MeetingBillingRequest billing,
            UUID scheduledMeetingId) {
    }

    record ScheduleMeetingRequest(
            @NotNull MeetingType type,
            @NotNull Instant scheduledFor,
            @NotNull Integer plannedMinutes,
            @Size(max = 100) List<@NotNull @Valid AttendeeRequest> attendees,
            @Size(max = 1000) String location,
            @Size(max = 5000) String purpose) {
    }

    record CancellationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** How the meeting is billed: a service code of the clinic's catalog and a CMS place-of-service code. */
    record MeetingBillingRequest(
            @NotBlank @Size(max = 5) String serviceCode,
            @NotBlank @Pattern(regexp = "[0-9]{2}", message = "must be a two-digit place-of-service code")
            String placeOfService) {
    }

    record AttendeeRequest(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 200) String role) {
    }

    /** The provider is named by hand ({@code provider}) or taken from the directory ({@code resourceId}). */
    record AddReferralRequest(
            @Valid ProviderRequest provider,
            UUID resourceId,
            @Size(max = 20_000) String reason,
            @NotNull Urgency urgency) {
    }

    record ProviderRequest(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String type) {
    }

    record ReferralOutcomeRequest(
            @NotNull ReferralOutcome outcome,
            @Size(max = 20_000) String reason,
            ReferralDeclineReason declineReason) {
    }

    record CloseCaseRequest(
            @NotNull ClosureReason reason,
            @Size(max = 100_000) String summary,
            LocalDate closedOn) {
    }

    record ReopenCaseRequest(
            @NotBlank @Size(max = 20_000) String reason) {
    }
}
