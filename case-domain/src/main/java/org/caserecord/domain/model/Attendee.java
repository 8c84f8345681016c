package org.caserecord.domain.model;

/** Someone who took part in a meeting, e.g. ("Maria Lopez", "mother"). */
public record Attendee(@Phi String name, String role) {
}
