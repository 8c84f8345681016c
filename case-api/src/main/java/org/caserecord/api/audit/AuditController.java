package org.caserecord.api.audit;

import java.util.HexFormat;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.caserecord.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: the hash chains and checkpoints (AUDITOR and RECORDS_OFFICER). */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Verify that the record was not altered; checkpoints to keep outside the database")
class AuditController {

    private final AuditChain chain;

    AuditController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute hash chains from the event table and compare",
            description = """
                    With caseId: that case's chain against its seals, and the first broken sequence. With \
                    checkpointHash and globalPosition: whether today's store still matches a checkpoint taken \
                    earlier. With neither: every case, listing the failures.""")
    Object verify(@RequestParam(required = false) UUID caseId,
                  @Parameter(description = "hex SHA-256 digest from GET /api/audit/checkpoint")
                  @RequestParam(required = false) String checkpointHash,
                  @RequestParam(required = false) @Min(0) Long globalPosition) {
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
            return chain.verifyCase(caseId.toString()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                    "case-not-found", "Case not found", "Neither events nor seals exist for this case id."));
        }
        return chain.verifyStore();
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "A digest over every seal up to the sealed position, to keep outside the database")
    Verification.Checkpoint checkpoint() {
        return chain.checkpoint();
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
