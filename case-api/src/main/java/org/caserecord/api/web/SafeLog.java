package org.caserecord.api.web;

/**
 * Describes a failure for the log without its messages: database and parser messages can
 * quote the values they choked on, and those values may be client data. The exception
 * classes and the frame where each was thrown are enough to find the cause.
 */
public final class SafeLog {

    private SafeLog() {
    }

    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            if (depth > 0) {
                description.append(" <- caused by ");
            }
            description.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                description.append(" at ").append(trace[0]);
            }
        }
        return description.toString();
    }
}
