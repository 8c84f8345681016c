package org.caserecord.api.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Short secrets the service must read back, such as the signing secrets of webhook
 * subscriptions: sealed with AES-256-GCM under a key derived from the master key for one
 * purpose, with the owner's id as associated data, so a sealed secret cannot be moved to another
 * owner or read as anything else. Like the data keys, they are unreadable without the master key,
 * which never enters the database or its backups.
 */
public final class SealedSecrets {

    private final SecretKey key;

    public SealedSecrets(MasterKey masterKey, String purpose) {
        this.key = masterKey.derive("caserecord/sealed-secrets/" + purpose);
    }

    public byte[] seal(UUID owner, String secret) {
        byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return AesGcm.encrypt(key, owner, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The secret sealed for this owner.
     *
     * @throws UnreadableSecretException when the bytes were altered, belong to another owner or
     *                                   were sealed under another master key
     */
    public String open(UUID owner, byte[] sealed) {
        try {
            return new String(AesGcm.decrypt(key, owner, sealed), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException();
        }
    }

    /** A sealed secret that cannot be opened with the configured master key; says nothing about the secret. */
    public static final class UnreadableSecretException extends IllegalStateException {
        UnreadableSecretException() {
            super("The sealed secret cannot be opened with the configured master key for its owner");
        }
    }

    @Override
    public String toString() {
        return "SealedSecrets[…]";
    }
}
