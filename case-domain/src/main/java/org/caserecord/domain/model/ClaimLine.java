package org.caserecord.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One service line of a reimbursement request: the meeting it bills, priced as filed. Kept in the
 * request's event, so what was claimed never changes when the catalog does.
 */
public record ClaimLine(
        UUID meetingId,
        LocalDate dateOfService,
        String serviceCode,
        List<String> modifiers,
        int units,
        BigDecimal unitRate,
        BigDecimal charge,
        String placeOfService,
        String renderingNpi,
        @Phi List<String> diagnosisCodes) {

    public ClaimLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
    }
}
