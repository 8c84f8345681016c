package org.caserecord.api.crypto;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Field-level encryption of personal data in the event store (docs/encryption.md).
 *
 * @param masterKey          the master key that wraps every case's data key: the base64 encoding of
 *                           32 random bytes ({@code openssl rand -base64 32}); env {@code CASERECORD_MASTER_KEY}
 * @param masterKeyFile      a file holding that base64 text instead (a Docker or Kubernetes secret); env
 *                           {@code CASERECORD_MASTER_KEY_FILE}. Used when {@code masterKey} is not set
 * @param keyCacheTimeToLive how long an unwrapped data key is kept in memory; a key destroyed by another
 *                           instance stops being used here after at most this long
 * @param keyCacheSize       how many cases' data keys are kept in memory at most
 */
@ConfigurationProperties("caserecord.encryption")
public record EncryptionProperties(
        String masterKey,
        Path masterKeyFile,
        @DefaultValue("60s") Duration keyCacheTimeToLive,
        @DefaultValue("100000") long keyCacheSize) {

    public static final String MASTER_KEY = "caserecord.encryption.master-key";
    public static final String MASTER_KEY_FILE = "caserecord.encryption.master-key-file";

    /** Never shows the key: records print every component otherwise. */
    @Override
    public String toString() {
        return "EncryptionProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "(set)")
                + ", masterKeyFile=" + masterKeyFile + ", keyCacheTimeToLive=" + keyCacheTimeToLive
                + ", keyCacheSize=" + keyCacheSize + "]";
    }
}
