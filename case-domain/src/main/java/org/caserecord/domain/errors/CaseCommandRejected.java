package org.caserecord.domain.errors;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Thrown by the aggregate when it refuses a command. The typed {@link CaseRejection} travels
 * as the exception's details so senders map it without parsing messages. The message is
 * the code's fixed description: never client data.
 */
public class CaseCommandRejected extends CommandExecutionException {

    public CaseCommandRejected(CaseErrorCode code) {
        this(code, null);
    }

    public CaseCommandRejected(CaseErrorCode code, String field) {
        super(code.description(), null, new CaseRejection(code, field));
    }

    public CaseRejection rejection() {
        return this.<CaseRejection>getDetails().orElseThrow();
    }
}
