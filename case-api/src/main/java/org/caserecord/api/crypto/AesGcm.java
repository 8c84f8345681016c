package org.caserecord.api.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM as this package uses it everywhere: a random 12-byte IV, a 128-bit tag, the case
 * id's canonical text as additional authenticated data, and the result laid out as
 * {@code iv || ciphertext || tag}. A fresh {@link Cipher} per call: instances are not thread-safe
 * and cheap to get.
 */
final class AesGcm {

    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = IV_BYTES + TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    static byte[] encrypt(SecretKey key, UUID caseId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(caseId));
            byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return written == sealed.length - IV_BYTES ? sealed : Arrays.copyOf(sealed, IV_BYTES + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plaintext, or an {@link AEADBadTagException} when the bytes, the key or the case id are
     * not the ones it was encrypted with.
     */
    static byte[] decrypt(SecretKey key, UUID caseId, byte[] sealed) throws AEADBadTagException {
        if (sealed.length < OVERHEAD) {
            throw new AEADBadTagException("too short to hold an IV and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(caseId));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    private static byte[] associatedData(UUID caseId) {
        return caseId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
