package org.caserecord.api.directory;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.domain.directory.ResourceDetails;
import org.caserecord.domain.directory.ResourceType;

/** Request bodies of the resource directory. */
final class ResourceRequests {

    private ResourceRequests() {
    }

    record ResourceRequest(
            @NotBlank @Size(max = 300) String name,
            @NotNull ResourceType type,
            @NotBlank @Size(max = 500) String contact,
            @Size(max = 1000) String address,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> languages,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> acceptedPayers,
            @Size(max = 5000) String notes) {

        ResourceDetails details() {
            return new ResourceDetails(name.strip(), type, contact.strip(), stripped(address),
                    languages, acceptedPayers, stripped(notes));
        }

        private static String stripped(String text) {
            return text == null ? null : text.strip();
        }
    }

    record RetirementRequest(@Size(max = 2000) String reason) {
    }
}
