package org.caserecord.api.crypto;

/**
 * Stored personal data could not be decrypted although its case's key exists: the envelope or
 * the key was altered, or an envelope was moved from another case. Never silently read as a
 * placeholder; the message names the case, never the data.
 */
public class PhiDecryptionException extends IllegalStateException {

    public PhiDecryptionException(String message) {
        super(message);
    }
}
