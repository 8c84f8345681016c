package org.caserecord.domain.model;

import java.time.LocalDate;

/** The person a case is about. Both fields identify the client and are PHI. */
public record Client(@Phi String name, @Phi LocalDate dateOfBirth) {
}
