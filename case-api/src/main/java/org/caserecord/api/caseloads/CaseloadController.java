package org.caserecord.api.caseloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.caserecord.projections.caseload.CaseloadPage;
import org.caserecord.projections.caseload.CaseloadQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/caseloads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Caseloads", description = "Each case manager's open cases")
class CaseloadController {

    private final CaseloadQueries caseloads;

    CaseloadController(CaseloadQueries caseloads) {
        this.caseloads = caseloads;
    }

    @GetMapping("/{caseManagerId}")
    @Operation(summary = "A case manager's open cases, oldest first",
            description = "Paginated: pass nextCursor as cursor for the next page.")
    CaseloadPage caseload(@PathVariable String caseManagerId,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                          @RequestParam(required = false) String cursor) {
        return caseloads.openCases(caseManagerId, limit, cursor);
    }
}
