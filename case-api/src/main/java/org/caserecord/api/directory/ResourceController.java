package org.caserecord.api.directory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.caserecord.api.config.ClinicProperties;
import org.caserecord.api.directory.ResourceRequests.ResourceRequest;
import org.caserecord.api.directory.ResourceRequests.RetirementRequest;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.directory.RegisterResource;
import org.caserecord.domain.directory.ResourceType;
import org.caserecord.domain.directory.RetireResource;
import org.caserecord.domain.directory.UpdateResource;
import org.caserecord.projections.directory.ResourcePage;
import org.caserecord.projections.directory.ResourceQueries;
import org.caserecord.projections.directory.ResourceSearch;
import org.caserecord.projections.directory.ResourceView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resource directory: services clients can be referred to. Every change is an event of the
 * resource's own stream (who changed what, and when). Writes answer once the directory's read
 * model shows them, so a search right after finds the change. Nothing here is client data.
 */
@RestController
@RequestMapping(path = "/api/resources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Resource directory", description = "Services clients can be referred to")
class ResourceController {

    private static final long POLL_MILLIS = 10;

    private final Commands commands;
    private final WriteOperations writes;
    private final ResourceQueries resources;
    private final ResourceLookup lookup;
    private final Duration maxWait;
    private final EventStore eventStore;

    ResourceController(Commands commands, WriteOperations writes, ResourceQueries resources, ResourceLookup lookup,
                       ClinicProperties properties, EventStore eventStore) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.writes = writes;
        this.resources = resources;
        this.lookup = lookup;
        this.maxWait = properties.readYourWrites();
    }

    record ResourceChanged(UUID resourceId, String status, long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a resource in the directory",
            description = "name, type and contact are required; languages and acceptedPayers are lists of names.")
    ResponseEntity<?> register(@Valid @RequestBody ResourceRequest body, HttpServletRequest request) {
        return shown(writes.execute(request, body, () -> {
            UUID resourceId = UUID.randomUUID();
            commands.send(new RegisterResource(resourceId, body.details()));
            return ResponseEntity.created(URI.create("/api/resources/" + resourceId))
                    .eTag(Versions.etag(0))
                    .body(new ResourceChanged(resourceId, "ACTIVE", 0));
        }));
    }

    @PutMapping(path = "/{resourceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a resource's details",
            description = "Referrals made before keep the details they recorded. A retired resource is 409;"
                    + " with If-Match, a resource changed since that version is 412.")
    ResponseEntity<?> update(@PathVariable UUID resourceId, @Valid @RequestBody ResourceRequest body,
                             HttpServletRequest request) {
        return shown(writes.execute(request, body, expected -> {
            mustExist(resourceId);
            long version = send(new UpdateResource(resourceId, body.details(), expected));
            return ResponseEntity.ok().eTag(Versions.etag(version))
                    .body(new ResourceChanged(resourceId, "ACTIVE", version));
        }));
    }

    @PostMapping(path = "/{resourceId}/retirement")
    @Operation(summary = "Retire a resource: it is no longer found or referred to; its history stays",
            description = "The body is optional: {\"reason\": \"...\"}. Retiring twice is 409.")
    ResponseEntity<?> retire(@PathVariable UUID resourceId,
                             @Valid @RequestBody(required = false) RetirementRequest body,
                             HttpServletRequest request) {
        return shown(writes.execute(request, body, expected -> {
            mustExist(resourceId);
            long version = send(new RetireResource(resourceId, body == null ? null : body.reason(),
                    expected));
            return ResponseEntity.ok().eTag(Versions.etag(version))
                    .body(new ResourceChanged(resourceId, "RETIRED", version));
        }));
    }

    @GetMapping
    @Operation(summary = "Search the directory",
            description = "Active resources in name order; every criterion is optional and all must hold: type,"
                    + " q (words in name, address or notes), language and payer (ignoring case)."
                    + " includeRetired=true shows retired ones too.")
    ResourcePage search(@RequestParam(required = false) ResourceType type,
                        @RequestParam(name = "q", required = false) @Size(min = 1, max = 200) String text,
                        @RequestParam(required = false) @Size(min = 1, max = 100) String language,
                        @RequestParam(required = false) @Size(min = 1, max = 100) String payer,
                        @RequestParam(defaultValue = "false") boolean includeRetired,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                        @RequestParam(required = false) @Size(max = 1000) String cursor) {
        return resources.search(new ResourceSearch(type, blankToNull(text), blankToNull(language),
                blankToNull(payer), includeRetired, limit, cursor));
    }

    @GetMapping("/{resourceId}")
    @Operation(summary = "One resource, active or retired; ETag is its version")
    ResponseEntity<ResourceView> one(@PathVariable UUID resourceId) {
        // Writes answer once the directory shows them, so the read model is read first; the events
        // only when it does not know the id (not yet built, or no resource at all).
        ResourceView view = resources.find(resourceId).orElseGet(() -> {
            DirectoryEntry entry = mustExist(resourceId);
            awaitProjected(resourceId, entry.version());
            return resources.find(resourceId).orElseThrow(() -> new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", "Resource not yet available",
                    "The resource exists but the directory is still being built. Retry shortly."));
        });
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    /** One change to a resource as its event records it. */
    record ResourceChange(long sequence, String type, Instant recordedAt, String actor, Object payload) {
    }

    record ResourceHistory(UUID resourceId, List<ResourceChange> changes) {
    }

    @GetMapping("/{resourceId}/history")
    @Operation(summary = "Every change to a resource: what, when and by whom, from its events")
    ResourceHistory history(@PathVariable UUID resourceId) {
        DomainEventStream events = eventStore.readEvents(resourceId.toString());
        if (!events.hasNext() || !ResourceLookup.AGGREGATE_TYPE.equals(events.peek().getType())) {
            throw notFound();
        }
        List<ResourceChange> changes = new ArrayList<>();
        events.asStream().forEach(event -> changes.add(new ResourceChange(
                event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                (String) event.getMetaData().get(RequestMetadata.ACTOR), event.getPayload())));
        return new ResourceHistory(resourceId, changes);
    }

    /** Unknown ids, and ids of anything but a resource (a case), are not found. */
    private DirectoryEntry mustExist(UUID resourceId) {
        return lookup.find(resourceId).orElseThrow(ResourceController::notFound);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "resource-not-found", "Resource not found",
                "No resource of the directory has this id.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The answer to a write, once it is committed and (at most briefly waited for) searchable. */
    private ResponseEntity<?> shown(ResponseEntity<?> response) {
        if (response.getBody() instanceof ResourceChanged changed) {
            awaitProjected(changed.resourceId(), changed.version());
        }
        return response;
    }

    /** Waits (briefly) until the directory read model shows this version of the resource. */
    private void awaitProjected(UUID resourceId, long version) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (resources.projectedVersion(resourceId).orElse(-1) < version && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends a command to an existing resource; its version after the change. */
    private long send(Object command) {
        try {
            return commands.send(command);
        } catch (AggregateNotFoundException e) {
            throw notFound();
        } catch (ConflictingAggregateVersionException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                    "The resource has changed since the version you expected. Read it again and retry.");
        }
    }
}
