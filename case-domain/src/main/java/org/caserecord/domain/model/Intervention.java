package org.caserecord.domain.model;

/** What a provider does towards the plan's goals, and how often (e.g. "weekly"). */
public record Intervention(@Phi String description, Provider provider, String frequency) {
}
