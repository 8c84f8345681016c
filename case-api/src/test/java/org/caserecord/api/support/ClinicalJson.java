package org.caserecord.api.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Request bodies of the clinical record endpoints for tests, valid unless the name says
 * otherwise. Dates relative to today are taken in UTC, the service's configured time zone.
 */
public final class ClinicalJson {

    private ClinicalJson() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A case for the given manager opened on the given date (CaseJson's openCase is fixed to 2026-01-05). */
    public static String openCase(String caseManagerId, LocalDate openedOn) {
        return """
                {"client": {"name": "Avery Chen", "dateOfBirth": "1980-03-14"},
                 "caseManagerId": "%s", "openedOn": "%s",
                 "referralSource": "self", "presentingConcerns": "anxiety"}
                """.formatted(caseManagerId, openedOn);
    }

    public static String closure(String reason, LocalDate closedOn) {
        return """
                {"reason": "%s", "summary": "closed in test", "closedOn": "%s"}
                """.formatted(reason, closedOn);
    }

    public static String meetingOfType(String type, Instant occurredAt, int minutes) {
        return """
                {"type": "%s", "occurredAt": "%s", "durationMinutes": %d, "notes": "check-in"}
                """.formatted(type, occurredAt, minutes);
    }

    public static String assessment(String type, Instant occurredAt, String riskLevel) {
        return """
                {"type": "%s", "occurredAt": "%s", "summary": "structured interview",
                 "needs": ["housing", "peer support"]%s}
                """.formatted(type, occurredAt, riskLevel == null ? "" : ", \"riskLevel\": \"" + riskLevel + "\"");
    }

    public static String riskAssessment(Instant occurredAt, String riskLevel) {
        return assessment("RISK", occurredAt, riskLevel);
    }

    public static String diagnosis(String code, boolean primary, LocalDate diagnosedOn) {
        return """
                {"code": "%s", "description": "major depressive disorder, single episode, mild",
                 "primary": %s, "diagnosedBy": "Dr. Okafor", "diagnosedOn": "%s"}
                """.formatted(code, primary, diagnosedOn);
    }

    public static String resolution(LocalDate resolvedOn, String reason) {
        return """
                {"resolvedOn": "%s", "reason": "%s"}
                """.formatted(resolvedOn, reason);
    }

    /** A treatment plan with the given goals (see {@link #newGoal} and {@link #keptGoal}). */
    public static String treatmentPlan(String... goals) {
        return """
                {"goals": [%s],
                 "interventions": [{"description": "weekly CBT", "provider": {"name": "Northside Counseling",
                                    "type": "COUNSELING"}, "frequency": "weekly"}],
                 "reviewBy": "2027-06-30"}
                """.formatted(Arrays.stream(goals).collect(Collectors.joining(", ")));
    }

    public static String newGoal(String description) {
        return """
                {"description": "%s", "targetDate": "2027-03-31"}""".formatted(description);
    }

    public static String keptGoal(String goalId, String description) {
        return """
                {"goalId": "%s", "description": "%s", "targetDate": "2027-04-30"}""".formatted(goalId, description);
    }

    public static String goalProgress(Instant occurredAt, String rating) {
        return """
                {"occurredAt": "%s", "rating": "%s", "note": "walked to the shop alone"}
                """.formatted(occurredAt, rating);
    }

    public static String providerReport(LocalDate receivedOn, LocalDate periodFrom, LocalDate periodTo) {
        return """
                {"provider": {"name": "Northside Counseling", "type": "COUNSELING"}, "receivedOn": "%s",
                 "periodFrom": "%s", "periodTo": "%s", "summary": "attended 4 of 4 sessions"}
                """.formatted(receivedOn, periodFrom, periodTo);
    }

    public static String followUp(LocalDate dueOn) {
        return """
                {"dueOn": "%s", "purpose": "check medication"}
                """.formatted(dueOn);
    }

    public static String followUpCompletion(Instant occurredAt) {
        return """
                {"occurredAt": "%s", "outcome": "medication adjusted", "clientSatisfiedWithTreatment": true}
                """.formatted(occurredAt);
    }

    public static String education(String format) {
        return """
                {"occurredAt": "2026-01-12T10:00:00Z", "recipient": "FAMILY_MEMBER", "recipientName": "Lee Chen",
                 "topic": "recognising relapse signs", "format": "%s", "materials": ["leaflet 12"]}
                """.formatted(format);
    }

    public static String familyMember(String name) {
        return """
                {"name": %s, "relationship": "sister", "contact": "555-0100", "involvedInTreatment": true}
                """.formatted(name == null ? "null" : "\"" + name + "\"");
    }

    public static String consent(LocalDate grantedOn) {
        return """
                {"scope": "SHARE_WITH_FAMILY", "grantedTo": "Lee Chen", "grantedOn": "%s", "validUntil": "2027-12-31"}
                """.formatted(grantedOn);
    }

    public static String revocation(LocalDate revokedOn) {
        return """
                {"revokedOn": "%s"}
                """.formatted(revokedOn);
    }

    public static String reassignment(String caseManagerId) {
        return """
                {"caseManagerId": "%s", "reason": "caseload balancing"}
                """.formatted(caseManagerId);
    }

    public static String amendment(String entryId, String text, String reason) {
        return """
                {"entryId": "%s", "text": "%s"%s}
                """.formatted(entryId, text, reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }
}
