package org.caserecord.projections.support;

import java.util.UUID;

/**
 * What the read models need to know about the per-case data keys that protect personal data in
 * the event store. Before a read model rebuilds a disposed case from its events it forgets any
 * copy of the case's key this process may still hold, so the events read back with
 * placeholders, never with the personal data.
 */
public interface CaseDataKeys {

    /** Drops this process's cached copy of the case's data key, if any. */
    void forget(UUID caseId);
}
