package org.caserecord.domain.model;

import java.util.UUID;

/**
 * A provider or community resource a client is referred to, e.g. ("Eastside Housing", "HOUSING").
 * When taken from the resource directory it also names the resource and its contact as they
 * were at that moment, so the record does not change when the directory does.
 */
public record Provider(String name, String type, UUID resourceId, String contact) {

    /** A provider named by hand, not from the directory. */
    public Provider(String name, String type) {
        this(name, type, null, null);
    }
}
