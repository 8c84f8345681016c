package org.caserecord.api.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends commands with the request's metadata (actor, roles, request and correlation ids). */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends the command and waits for the result: for changes to a case, its new version. */
    public <R> R send(Object command) {
        return gateway.sendAndWait(command, MetaData.from(RequestMetadata.current()));
    }
}
