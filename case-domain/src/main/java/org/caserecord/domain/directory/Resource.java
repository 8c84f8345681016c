package org.caserecord.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;

/**
 * A service in the clinic's resource directory. Its own aggregate, so every change to the
 * directory is an event (who changed what, when) like any change to a case. Handlers return
 * the resource's version after the change.
 */
@AggregateRoot(type = "Resource")
public class Resource {

    @AggregateIdentifier
    private UUID resourceId;
    private ResourceDetails details;
    private boolean retired;
    private long version;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Resource() {
    }

    @CommandHandler
    public Resource(RegisterResource command) {
        if (command.resourceId() == null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUIRED_FIELD_MISSING, "resourceId");
        }
        valid(command.details());
        apply(new ResourceRegistered(command.resourceId(), command.details()));
    }

    /** Saving the same details again changes nothing and appends nothing. */
    @CommandHandler
    public long handle(UpdateResource command) {
        mayChange(command.expectedVersion());
        valid(command.details());
        if (command.details().equals(details)) {
            return version;
        }
        apply(new ResourceUpdated(resourceId, command.details()));
        return version;
    }

    @CommandHandler
    public long handle(RetireResource command) {
        mayChange(command.expectedVersion());
        if (command.reason() != null && command.reason().isBlank()) {
            throw new CaseCommandRejected(CaseErrorCode.OPTIONAL_FIELD_BLANK, "reason");
        }
        apply(new ResourceRetired(resourceId, command.reason()));
        return version;
    }

    private void mayChange(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CaseCommandRejected(CaseErrorCode.RESOURCE_VERSION_MISMATCH);
        }
        if (retired) {
            throw new CaseCommandRejected(CaseErrorCode.RESOURCE_RETIRED);
        }
    }

    private static void valid(ResourceDetails details) {
        if (details == null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUIRED_FIELD_MISSING, "name");
        }
        requiredText(details.name(), "name");
        if (details.type() == null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUIRED_FIELD_MISSING, "type");
        }
        requiredText(details.contact(), "contact");
        optionalText(details.address(), "address");
        optionalText(details.notes(), "notes");
    }

    private static void requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CaseCommandRejected(CaseErrorCode.REQUIRED_FIELD_MISSING, field);
        }
    }

    private static void optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new CaseCommandRejected(CaseErrorCode.OPTIONAL_FIELD_BLANK, field);
        }
    }

    @EventSourcingHandler
    void on(DirectoryEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (event instanceof ResourceRegistered registered) {
            resourceId = registered.resourceId();
            details = registered.details();
        } else if (event instanceof ResourceUpdated updated) {
            details = updated.details();
        } else if (event instanceof ResourceRetired) {
            retired = true;
        }
    }
}
