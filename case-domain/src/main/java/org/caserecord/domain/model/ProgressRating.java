package org.caserecord.domain.model;

/** How far a client has come towards a treatment goal. */
public enum ProgressRating {
    NONE,
    SOME,
    SIGNIFICANT,
    ACHIEVED
}
