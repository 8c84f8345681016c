package org.caserecord.api.cases;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.api.web.ApiException;
import org.caserecord.projections.casefile.CaseFileQueries;
import org.caserecord.projections.casefile.CaseFileQueries.Assignment;
import org.caserecord.projections.casefile.CaseFileView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a case from the case file read model with read-your-writes: when the event store
 * already holds a newer version than the read model (a write that just returned 201), the
 * read waits briefly for the projection to catch up instead of serving an older case.
 */
@Component
public class CaseReader {

    private static final long POLL_MILLIS = 15;

    private final EventStore eventStore;
    private final CaseFileQueries caseFiles;
    private final Duration maxWait;

    CaseReader(EventStore eventStore, CaseFileQueries caseFiles, ClinicProperties properties) {
        this.eventStore = eventStore;
        this.caseFiles = caseFiles;
        this.maxWait = properties.readYourWrites();
    }

    public CaseFileView read(UUID caseId) {
        awaitProjected(caseId);
        return caseFiles.find(caseId).orElseThrow(CaseReader::notYetAvailable);
    }

    /**
     * Waits (briefly) until the case file read model, and the read models written with it,
     * reflect every committed event of the case; 404 when the case does not exist.
     */
    public Assignment awaitProjected(UUID caseId) {
        long committed = eventStore.lastSequenceNumberFor(caseId.toString())
                .orElseThrow(ApiException::caseNotFound);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<Assignment> projected = caseFiles.assignmentOf(caseId);
        while (projected.map(Assignment::version).orElse(-1L) < committed && System.nanoTime() < deadline) {
            sleep();
            projected = caseFiles.assignmentOf(caseId);
        }
        return projected.orElseThrow(CaseReader::notYetAvailable);
    }

    /**
     * The case's current manager as the read model knows it, without waiting for it to catch up
     * (assignments change rarely); waits only for a case the read model does not know yet.
     */
    public Assignment assignment(UUID caseId) {
        return caseFiles.assignmentOf(caseId).orElseGet(() -> awaitProjected(caseId));
    }

    private static ApiException notYetAvailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Case not yet available",
                "The case exists but its case file is still being built. Retry shortly.");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the read model", e);
        }
    }
}
