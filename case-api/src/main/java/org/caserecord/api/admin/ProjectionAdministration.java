package org.caserecord.api.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.audit.EventSealer;
import org.caserecord.api.notifications.WebhookOutbox;
import org.caserecord.api.web.ApiException;
import org.caserecord.projections.casefile.CaseFileProjection;
import org.caserecord.projections.caseload.CaseloadProjection;
import org.caserecord.projections.directory.ResourceDirectoryProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Status and replay of the read models' event processors. A replay empties the read model and
 * resets its tokens to the start of the stream in one transaction (the projections'
 * {@code @ResetHandler}s), then the processor rebuilds it from every stored event while
 * commands keep being accepted. Until it has caught up, reads of that read model show a
 * partial picture.
 */
@Service
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    static final List<String> PROJECTIONS = List.of(CaseFileProjection.PROCESSING_GROUP,
            CaseloadProjection.PROCESSING_GROUP, ResourceDirectoryProjection.PROCESSING_GROUP);
    /**
     * Reported like the read models, never replayed: seals are append-only and never rebuilt, and
     * the webhook outbox has no read model to rebuild (docs/webhooks.md).
     */
    static final List<String> PROCESSORS = List.of(CaseFileProjection.PROCESSING_GROUP,
            CaseloadProjection.PROCESSING_GROUP, ResourceDirectoryProjection.PROCESSING_GROUP,
            EventSealer.PROCESSING_GROUP, WebhookOutbox.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionAdministration(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<ProjectionStatus> statuses() {
        Long head = position(eventStore.createHeadToken());
        return PROCESSORS.stream().map(name -> status(processor(name), head)).toList();
    }

    public ProjectionStatus status(String name) {
        return status(processor(name), position(eventStore.createHeadToken()));
    }

    /**
     * Rebuilds one read model from the first event. Refused while another instance holds
     * segments of its processor (stop the others or run the replay there).
     */
    public synchronized ProjectionStatus replay(String name, String actor) {
        StreamingEventProcessor processor = processor(name);
        if (!PROJECTIONS.contains(name)) {
            throw new ApiException(HttpStatus.CONFLICT, "replay-not-allowed", "Replay not allowed",
                    WebhookOutbox.PROCESSING_GROUP.equals(name)
                            ? "The webhook outbox is not a read model: it records deliveries, which are never rebuilt."
                            : "The audit trail's seals are append-only; they are never rebuilt from the store.");
        }
        log.info("Replay of read model {} requested by {}", name, actor);
        processor.shutdownAsync().orTimeout(60, TimeUnit.SECONDS).join();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ApiException(HttpStatus.CONFLICT, "projection-claimed-elsewhere", "Projection busy",
                    "Another instance is processing this read model; a replay needs all of its segments.");
        } finally {
            processor.start();
        }
        return status(name);
    }

    private StreamingEventProcessor processor(String name) {
        if (!PROCESSORS.contains(name)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "projection-not-found", "Projection not found",
                    "Known processors: " + String.join(", ", PROCESSORS) + ".");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor for " + name));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, Long head) {
        Collection<EventTrackerStatus> segments = Map.copyOf(processor.processingStatus()).values();
        boolean replaying = segments.stream().anyMatch(ProjectionAdministration::replaying);
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        Long position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).boxed()
                .min(Long::compare).orElse(null);
        // Axon marks a segment caught up only after it has seen the stream run dry, which an
        // idle processor that has just started has not; having reached the head counts too.
        boolean atHead = position != null && head != null && position >= head;
        boolean caughtUp = !segments.isEmpty()
                && (segments.stream().allMatch(EventTrackerStatus::isCaughtUp) || atHead);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), error, replaying, caughtUp,
                segments.size(), position, head);
    }

    /**
     * Axon keeps a segment's replay token until an event newer than the reset position
     * arrives; once a segment has processed up to that position, its replay is done.
     */
    private static boolean replaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong current = segment.getCurrentPosition();
        OptionalLong resetAt = segment.getResetPosition();
        return current.isEmpty() || resetAt.isEmpty() || current.getAsLong() < resetAt.getAsLong();
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
