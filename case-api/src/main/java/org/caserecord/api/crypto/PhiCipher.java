package org.caserecord.api.crypto;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Seals a value of personal data into its stored form, an envelope, and opens it again:
 * <pre>
 *   phi:1:&lt;case id&gt;:&lt;base64url without padding of (iv || ciphertext || tag)&gt;
 * </pre>
 * {@code 1} is the format: AES-256-GCM under the case's data key, a random 12-byte IV, a 128-bit
 * tag, the case id's canonical text as additional authenticated data; the plaintext is the value
 * as JSON. An envelope altered, or moved to another case with its case id changed, fails
 * authentication; one moved with its case id unchanged is caught by the event's deserializer.
 */
public final class PhiCipher {

    public static final String PREFIX = "phi:1:";
    private static final int CASE_ID_LENGTH = 36;
    private static final int BODY_START = PREFIX.length() + CASE_ID_LENGTH + 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final CaseDataKeyRing keys;
    private final Counter failures;

    public PhiCipher(CaseDataKeyRing keys, MeterRegistry meters) {
        this.keys = keys;
        this.failures = Counter.builder("caserecord.encryption.decryption.failures")
                .description("Stored personal data that failed authentication or had no data key")
                .register(meters);
    }

    public static boolean isEnvelope(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The JSON of a value of the case's personal data, sealed with the case's key. */
    public String encrypt(UUID caseId, byte[] json) {
        SecretKey key = keys.keyForEncryption(caseId);
        return PREFIX + caseId + ':' + ENCODER.encodeToString(AesGcm.encrypt(key, caseId, json));
    }

    /**
     * The envelope's case and its JSON, or empty JSON when the case's key was destroyed.
     *
     * @throws PhiDecryptionException when the envelope is malformed, fails authentication, or its
     *                                case has no key at all
     */
    public Opened decrypt(String envelope) {
        UUID caseId = caseIdOf(envelope);
        byte[] sealed;
        try {
            sealed = DECODER.decode(envelope.substring(BODY_START));
        } catch (IllegalArgumentException e) {
            throw failure("A stored personal-data envelope of case " + caseId + " is malformed");
        }
        Optional<SecretKey> key = keys.keyForDecryption(caseId);
        if (key.isEmpty()) {
            if (keys.isDestroyed(caseId)) {
                return new Opened(caseId, Optional.empty());
            }
            throw failure("Case " + caseId + " has no data key, so its personal data cannot be read; "
                    + "case_data_key does not match the event store (restored from a different backup?)");
        }
        try {
            return new Opened(caseId, Optional.of(AesGcm.decrypt(key.get(), caseId, sealed)));
        } catch (AEADBadTagException e) {
            throw failure("Personal data of case " + caseId + " failed authentication: the stored envelope "
                    + "was altered, or moved from another case");
        }
    }

    private UUID caseIdOf(String envelope) {
        if (!isEnvelope(envelope) || envelope.length() < BODY_START || envelope.charAt(BODY_START - 1) != ':') {
            throw failure("A stored personal-data envelope is malformed");
        }
        String text = envelope.substring(PREFIX.length(), BODY_START - 1);
        try {
            UUID caseId = UUID.fromString(text);
            if (caseId.toString().equals(text)) {
                return caseId;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw failure("A stored personal-data envelope is malformed: its case id is not a UUID");
    }

    private PhiDecryptionException failure(String message) {
        failures.increment();
        return new PhiDecryptionException(message);
    }

    /** An opened envelope: its case, and the value's JSON unless the case's key was destroyed. */
    public record Opened(UUID caseId, Optional<byte[]> json) {

        public boolean disposed() {
            return json.isEmpty();
        }
    }
}
