package org.caserecord.api.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Periods;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors: the access log, the hash chains and checkpoints (AUDITOR and RECORDS_OFFICER only). */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Verify that the record was not altered; checkpoints to keep outside the database")
class AuditController {

    private final AuditChain chain;
    private final AccessLog accessLog;

    AuditController(AuditChain chain, AccessLog accessLog) {
        this.chain = chain;
        this.accessLog = accessLog;
    }

    /** A page of the access log; pass {@code nextAfter} as {@code after} for the next page, null at the end. */
    record AccessLogPage(List<AccessLog.Entry> entries, Long nextAfter) {
    }

    @GetMapping("/access")
    @Operation(summary = "Who read which case, when, what, and the outcome",
            description = "Oldest first; every filter is optional. from/to are ISO-8601 instants, inclusive.")
    AccessLogPage access(@RequestParam(required = false) UUID caseId,
                         @Parameter(description = "The user id that read") @RequestParam(required = false) String user,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(defaultValue = "0") @Min(0) long after,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Periods.check(from, to);
        List<AccessLog.Entry> entries = accessLog.find(caseId, user == null || user.isBlank() ? null : user, from, to,
                after, limit + 1);
        if (entries.size() > limit) {
            List<AccessLog.Entry> page = entries.subList(0, limit);
            return new AccessLogPage(List.copyOf(page), page.get(limit - 1).entryId());
        }
        return new AccessLogPage(entries, null);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute hash chains from the event table and compare",
            description = """
                    With caseId: that case's chain against its seals, and the first broken sequence. With \
                    checkpointHash and globalPosition: whether today's store still matches a checkpoint taken \
                    earlier. With neither: every case, listing the failures.""")
    Object verify(@RequestParam(required = false) String caseId,
                  @Parameter(description = "hex SHA-256 digest from GET /api/audit/checkpoint")
                  @RequestParam(required = false) String checkpointHash,
                  @Parameter(description = "-1 for a checkpoint of an empty store")
                  @RequestParam(required = false) @Min(-1) Long globalPosition) {
        boolean checkpoint = checkpointHash != null || globalPosition != null;
        if (caseId != null && checkpoint) {
            throw ApiException.badRequest("conflicting-parameters", "Conflicting parameters",
                    "Verify either a case (caseId) or a checkpoint (checkpointHash and globalPosition).");
        }
        if (checkpoint) {
            if (checkpointHash == null || globalPosition == null) {
                throw ApiException.badRequest("incomplete-checkpoint", "Incomplete checkpoint",
                        "A checkpoint is verified with both checkpointHash and globalPosition.");
            }
            return chain.verifyCheckpoint(globalPosition, hash(checkpointHash));
        }
        if (caseId != null) {
            return chain.verifyCase(uuid(caseId).toString()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                    "case-not-found", "Case not found", "Neither events nor seals exist for this case id."));
        }
        return chain.verifyStore();
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "A digest over every seal up to the sealed position, to keep outside the database")
    Verification.Checkpoint checkpoint() {
        return chain.checkpoint();
    }

    private static UUID uuid(String caseId) {
        try {
            return UUID.fromString(caseId.trim());
        } catch (IllegalArgumentException notAUuid) {
            throw ApiException.badRequest("invalid-case-id", "Invalid case id", "caseId must be a UUID.");
        }
    }

    private static byte[] hash(String hex) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex.trim());
            if (bytes.length == 32) {
                return bytes;
            }
        } catch (IllegalArgumentException notHex) {
            // answered below
        }
        throw ApiException.badRequest("invalid-checkpoint-hash", "Invalid checkpoint hash",
                "checkpointHash is the 64 hexadecimal characters of a SHA-256 digest.");
    }
}
