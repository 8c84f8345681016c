package org.caserecord.api.cases;

import java.util.UUID;

import org.caserecord.api.cases.CaseRequests.ProviderRequest;
import org.caserecord.api.directory.ResourceLookup;
import org.caserecord.api.web.FieldRejected;
import org.caserecord.domain.model.Provider;
import org.springframework.stereotype.Component;

/**
 * The provider a referral or an intervention names: by hand, or a resource of the directory,
 * whose name, type and contact are then copied as they are at this moment (so the record does
 * not change when the directory does). A retired resource is refused (409).
 */
@Component
class Providers {

    private final ResourceLookup directory;

    Providers(ResourceLookup directory) {
        this.directory = directory;
    }

    /**
     * @param prefix   where the two fields sit in the request ("" or "interventions[2].")
     * @param required whether one of them must be given
     * @return the provider, or null when neither is given and none is required
     */
    Provider resolve(ProviderRequest provider, UUID resourceId, String prefix, boolean required) {
        if (provider != null && resourceId != null) {
            throw new FieldRejected(prefix + "resourceId", "Give either provider or resourceId, not both.");
        }
        if (resourceId != null) {
            return directory.providerFor(resourceId, prefix + "resourceId");
        }
        if (provider != null) {
            return new Provider(provider.name(), provider.type());
        }
        if (required) {
            throw new FieldRejected(prefix + "provider", "Give a provider or the resourceId of a directory resource.");
        }
        return null;
    }
}
