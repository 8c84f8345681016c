package org.caserecord.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's encryption of personal data (docs/encryption.md), as much of it as the fill of
 * figure 3 needs: data keys wrapped under the master key, and envelopes
 * {@code phi:1:<case id>:<base64url(iv || ciphertext || tag)>}, both AES-256-GCM with a random
 * 12-byte IV, a 128-bit tag and the case id's text as additional data. A copy of the few lines of
 * the service's {@code AesGcm}, {@code MasterKey} and {@code PhiCipher}: those are package-private
 * or need the service's database and Spring, and case-api is packaged as an executable jar, so the
 * benchmark cannot call them. {@code EventStoreFillTest} checks that the service reads what this writes.
 * One instance per thread: it keeps one {@link Cipher}.
 */
final class PhiEnvelopes {

    static final String PREFIX = "phi:1:";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CASE_ID_LENGTH = 36;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey masterKey;
    private final String masterKeyId;
    private final SecureRandom random = new SecureRandom();
    private final Cipher cipher;

    /** @param masterKey the service's master key, 32 bytes */
    PhiEnvelopes(byte[] masterKey) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("A master key is " + KEY_BYTES + " bytes");
        }
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.masterKeyId = idOf(masterKey);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    /** What {@code case_data_key.master_key_id} holds: the first 16 hex digits of SHA-256 over the master key. */
    String masterKeyId() {
        return masterKeyId;
    }

    /** A new random data key for a case. */
    SecretKey newDataKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        try {
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The data key as {@code case_data_key.wrapped_key} holds it: under the master key, bound to its case. */
    byte[] wrap(SecretKey dataKey, UUID caseId) {
        byte[] bytes = dataKey.getEncoded();
        try {
            return encrypt(masterKey, caseId, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The case's data key from its {@code case_data_key.wrapped_key}. */
    SecretKey unwrap(byte[] wrapped, UUID caseId) {
        byte[] bytes = decrypt(masterKey, caseId, wrapped);
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("The data key of case " + caseId + " is not an AES-256 key");
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The envelope (without the JSON string's quotes) of a value's JSON, sealed for the case under its key. */
    String seal(SecretKey dataKey, UUID caseId, byte[] json) {
        return PREFIX + caseId + ':' + ENCODER.encodeToString(encrypt(dataKey, caseId, json));
    }

    /** The value's JSON from an envelope (without quotes) of the case, sealed under its key. */
    byte[] open(SecretKey dataKey, UUID caseId, String envelope) {
        String expected = PREFIX + caseId + ':';
        if (!envelope.startsWith(expected)) {
            throw new IllegalStateException("An envelope of case " + caseId + " does not name that case");
        }
        return decrypt(dataKey, caseId, DECODER.decode(envelope.substring(PREFIX.length() + CASE_ID_LENGTH + 1)));
    }

    private byte[] encrypt(SecretKey key, UUID caseId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(caseId));
            byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return written == sealed.length - IV_BYTES ? sealed : Arrays.copyOf(sealed, IV_BYTES + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    private byte[] decrypt(SecretKey key, UUID caseId, byte[] sealed) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(caseId));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt with the key of case " + caseId
                    + " (wrong master key, or altered bytes)", e);
        }
    }

    private static byte[] associatedData(UUID caseId) {
        return caseId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
