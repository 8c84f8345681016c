package org.caserecord.api.disclosures;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.Recipient;

/** Request bodies of the disclosure and export endpoints; rules beyond shape are the CaseFile's. */
final class DisclosureRequests {

    private DisclosureRequests() {
    }

    record RecipientRequest(
            @NotBlank @Size(max = 300) String name,
            @Size(max = 300) String organization,
            @Size(max = 1000) String address) {

        Recipient toRecipient() {
            return new Recipient(name, organization, address);
        }
    }

    /** {@code disclosedOn} defaults to today. */
    record DisclosureRequest(
            @NotNull @Valid RecipientRequest recipient,
            @NotNull DisclosurePurpose purpose,
            @NotBlank @Size(max = 10_000) String description,
            @NotBlank @Size(max = 1000) String legalBasis,
            LocalDate disclosedOn) {
    }
}
