package org.caserecord.api.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projection administration for records officers: where each read model stands, and replays. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Read-model status and replay (RECORDS_OFFICER)")
class ProjectionController {

    private final ProjectionAdministration projections;
    private final Reconciliation reconciliation;

    ProjectionController(ProjectionAdministration projections, Reconciliation reconciliation) {
        this.projections = projections;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Check that each per-case read model reflects every event its processor has passed",
            description = "Per read model: the processor's position, the holes it still waits for, and the cases"
                    + " whose read model misses an event at or below that position (the first 100). Such a case"
                    + " is repaired by replaying the read model.")
    List<Reconciliation.Report> reconciliation() {
        return reconciliation.check();
    }

    @GetMapping
    @Operation(summary = "Every read model's processor and the audit sealer: running, replaying, caught up, position against the head")
    List<ProjectionStatus> statuses() {
        return projections.statuses();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One read model's processor")
    ProjectionStatus status(@PathVariable String name) {
        return projections.status(name);
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Empty a read model and rebuild it from every stored event",
            description = "Answers at once; follow progress with GET until replaying is false and caughtUp true."
                    + " Commands are accepted throughout; reads of this read model are partial until then.")
    ProjectionStatus replay(@PathVariable String name, Authentication caller) {
        return projections.replay(name, caller.getName());
    }
}
