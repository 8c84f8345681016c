package org.caserecord.api.web;

/**
 * A request field the API refuses for a reason only the service can check (e.g. an id that
 * names nothing): answered 400 with the field named, like bean validation's errors.
 */
public class FieldRejected extends RuntimeException {

    private final String field;

    public FieldRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
