package org.caserecord.api.admin;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read models' parked events, for records officers: what failed, and a retry after the fix. */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Read-model status and replay (RECORDS_OFFICER)")
class DeadLetterController {

    private final DeadLetterAdministration deadLetters;

    DeadLetterController(DeadLetterAdministration deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Per read model: how many cases and events are parked, and the first parked events",
            description = "Types, numbers and times only; never payloads or error messages.")
    List<DeadLetters> all() {
        return deadLetters.all();
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Apply the parked events again, now (after the cause is fixed)",
            description = "Each parked case of the read model, or only caseId's, is retried once, in order; an event"
                    + " that fails again stays parked with its retries raised.")
    DeadLetters.Retry retry(@PathVariable String group, @RequestParam(required = false) UUID caseId,
                            Authentication caller) {
        return deadLetters.retry(group, caseId, caller.getName());
    }
}
