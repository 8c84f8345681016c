package org.caserecord.projections.caseload;

/** A page cursor that this service did not hand out (or that was altered). */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException() {
        super("The cursor is not valid for this list.");
    }
}
