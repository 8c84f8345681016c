package org.caserecord.api.crypto;

import java.util.UUID;

/** Personal data was about to be encrypted for a case whose data key was destroyed: a disposed case takes none. */
public class DataKeyDestroyedException extends IllegalStateException {

    public DataKeyDestroyedException(UUID caseId) {
        super("The data key of case " + caseId + " was destroyed (the case was disposed of); "
                + "no new personal data can be recorded for it");
    }
}
