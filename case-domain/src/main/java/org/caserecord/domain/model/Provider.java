package org.caserecord.domain.model;

/** A provider or community resource a client is referred to, e.g. ("Eastside Housing", "HOUSING"). */
public record Provider(String name, String type) {
}
