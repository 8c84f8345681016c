package org.caserecord.domain.events;

import java.util.UUID;

/** Every event in a case's stream names its case. */
public interface CaseEvent {
    UUID caseId();
}
