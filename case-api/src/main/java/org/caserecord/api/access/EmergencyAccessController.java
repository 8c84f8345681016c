package org.caserecord.api.access;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.caserecord.api.web.Commands;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.api.web.Versions;
import org.caserecord.api.web.WriteOperations;
import org.caserecord.domain.commands.GrantEmergencyAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Break-glass: read access to a case one is not assigned to, for a stated reason and a limited time. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/emergency-access", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access", description = "Break-glass access to a case")
class EmergencyAccessController {

    private final Commands commands;
    private final WriteOperations writes;
    private final AccessProperties properties;
    private final Clock clock;
    private final Counter granted;

    EmergencyAccessController(Commands commands, WriteOperations writes, AccessProperties properties, Clock clock,
                              MeterRegistry meters) {
        this.commands = commands;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
        this.granted = Counter.builder("caserecord.emergency.access.granted")
                .description("Break-glass grants of read access to a case")
                .register(meters);
    }

    record EmergencyAccessRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record EmergencyAccessGranted(UUID grantId, Instant expiresAt, long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Break-glass: read a case you are not assigned to, for a reason",
            description = """
                    For case managers not assigned to the case: read access for caserecord.access.\
                    emergency-access-duration (default 60 minutes), recorded as an event on the case and in the \
                    access log. After it ends the case answers 404 again.""")
    ResponseEntity<?> grant(@PathVariable UUID caseId, @Valid @RequestBody EmergencyAccessRequest body,
                            HttpServletRequest request) {
        return writes.execute(request, body, () -> {
            UUID grantId = UUID.randomUUID();
            Instant expiresAt = clock.instant().plus(properties.emergencyAccessDuration());
            long version = commands.send(new GrantEmergencyAccess(caseId, grantId, RequestMetadata.currentActor(),
                    body.reason(), expiresAt));
            granted.increment();
            return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                    .body(new EmergencyAccessGranted(grantId, expiresAt, version));
        });
    }
}
