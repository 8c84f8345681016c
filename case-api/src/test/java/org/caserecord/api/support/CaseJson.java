package org.caserecord.api.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Request bodies for tests, valid unless the name says otherwise. */
public final class CaseJson {

    private CaseJson() {
    }

    public static String openCase(String caseManagerId) {
        return """
                {"client": {"name": "Jordan Rivera", "dateOfBirth": "1990-04-02"},
                 "caseManagerId": "%s", "openedOn": "2026-01-05",
                 "referralSource": "county hospital", "presentingConcerns": "low mood, housing"}
                """.formatted(caseManagerId);
    }

    public static String meeting(Instant occurredAt, int minutes) {
        return """
                {"type": "FAMILY", "occurredAt": "%s", "durationMinutes": %d,
                 "attendees": [{"name": "Maria Rivera", "role": "mother"}, {"name": "Jordan Rivera", "role": "client"}],
                 "notes": "discussed housing options"}
                """.formatted(occurredAt, minutes);
    }

    public static String meeting() {
        return meeting(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), 45);
    }

    public static String referral() {
        return """
                {"provider": {"name": "Eastside Housing Cooperative", "type": "HOUSING"},
                 "reason": "needs stable housing", "urgency": "URGENT"}
                """;
    }

    public static String outcome(String outcome, String reason) {
        return reason == null ? "{\"outcome\": \"%s\"}".formatted(outcome)
                : "{\"outcome\": \"%s\", \"reason\": \"%s\"}".formatted(outcome, reason);
    }

    public static String closure() {
        return """
                {"reason": "RELEASED_FROM_TREATMENT", "summary": "treatment goals met", "closedOn": "2026-02-01"}
                """;
    }

    public static String reopening() {
        return "{\"reason\": \"client returned\"}";
    }
}
