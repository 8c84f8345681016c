package org.caserecord.api.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps (encrypts) every case's data key before it is stored in
 * {@code case_data_key}. It never leaves memory: its {@link #id()} (the first 16 hex digits of
 * SHA-256 over the key) is stored beside each wrapped key so a wrong master key is noticed at
 * start-up instead of making every record unreadable.
 */
public final class MasterKey {

    static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /**
     * The key encoded as base64 (whitespace around it ignored). {@code source} names where it
     * came from in the error message; the value itself is never shown.
     */
    public static MasterKey fromBase64(String encoded, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes a character of the value.
            throw new MasterKeyException(source + " is not valid base64. It must be the base64 encoding of "
                    + KEY_BYTES + " random bytes, e.g. the output of `openssl rand -base64 32`.");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new MasterKeyException(source + " decodes to " + length + " bytes; an AES-256 master key is "
                    + KEY_BYTES + " random bytes, e.g. the output of `openssl rand -base64 32`.");
        }
        try {
            return new MasterKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A new random key, as base64: what local mode writes to its key file. */
    static String generateBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            return Base64.getEncoder().encodeToString(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What {@code case_data_key.master_key_id} holds for keys wrapped with this key. */
    public String id() {
        return id;
    }

    /** The data key encrypted with this key, bound to its case. */
    byte[] wrap(byte[] dataKey, UUID caseId) {
        return AesGcm.encrypt(key, caseId, dataKey);
    }

    /** The data key of the case, or an exception if the wrapped bytes are not this key's for this case. */
    SecretKey unwrap(byte[] wrapped, UUID caseId) {
        byte[] dataKey;
        try {
            dataKey = AesGcm.decrypt(key, caseId, wrapped);
        } catch (AEADBadTagException e) {
            throw new PhiDecryptionException("The data key of case " + caseId + " cannot be unwrapped with master key "
                    + id + ": the stored key was altered or belongs to another case");
        }
        try {
            if (dataKey.length != KEY_BYTES) {
                throw new PhiDecryptionException("The data key of case " + caseId + " is not an AES-256 key");
            }
            return new SecretKeySpec(dataKey, "AES");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * A key for another purpose than wrapping data keys, derived from this one as
     * HMAC-SHA256(master key, purpose): what is sealed for one purpose can never be opened, or
     * passed off, as something sealed for another.
     */
    SecretKey derive(String purpose) {
        byte[] derived;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            derived = mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
        try {
            return new SecretKeySpec(derived, "AES");
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static String idOf(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }

    /** The master key is missing, unreadable or not a 32-byte key; the message never holds the key. */
    public static final class MasterKeyException extends IllegalStateException {
        MasterKeyException(String message) {
            super(message);
        }
    }
}
