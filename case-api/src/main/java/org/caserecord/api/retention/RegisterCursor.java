package org.caserecord.api.retention;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Periods;
import org.caserecord.projections.retention.RetentionQueries.Position;

/** The register's page cursor: where the last page ended, opaque to clients. */
final class RegisterCursor {

    private static final String OPEN = "-";

    private RegisterCursor() {
    }

    static String encode(Position position) {
        String due = position.retainUntil() == null ? OPEN : position.retainUntil().toString();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((due + "|" + position.caseId()).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            LocalDate due = OPEN.equals(parts[0]) ? null : LocalDate.parse(parts[0]);
            Periods.check(due, "cursor");
            return new Position(due, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("invalid-cursor", "Invalid cursor",
                "cursor is not one this service gave out; start again without it.");
    }
}
