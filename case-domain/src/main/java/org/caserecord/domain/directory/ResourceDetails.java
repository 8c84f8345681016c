package org.caserecord.domain.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.caserecord.domain.model.Provider;

/**
 * What the directory says about a service clients can be referred to. Nothing here is about a
 * client: it is the clinic's own list of organisations, so none of it is personal data.
 * Languages and payers are kept as given, without blanks or repeats (compared ignoring case).
 */
public record ResourceDetails(
        String name,
        ResourceType type,
        String contact,
        String address,
        List<String> languages,
        List<String> acceptedPayers,
        String notes) {

    public ResourceDetails {
        languages = distinct(languages);
        acceptedPayers = distinct(acceptedPayers);
    }

    /** The resource as a referral or an intervention records it: as it is at this moment. */
    public Provider asProvider(UUID resourceId) {
        return new Provider(name, type.name(), resourceId, contact);
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                byKey.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), value.strip());
            }
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }
}
