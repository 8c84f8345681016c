package org.caserecord.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SealedSecretsTest {

    private static final String SECRET = "whsec-4f9c2b7e1a8d6350c9e2f1a7b3d8c6e5";
    private final MasterKey masterKey = MasterKey.fromBase64(MasterKey.generateBase64(), "test");
    private final SealedSecrets secrets = new SealedSecrets(masterKey, "webhook-subscription-secret");

    @Test
    void aSealedSecretOpensForItsOwner() {
        UUID owner = UUID.randomUUID();

        byte[] sealed = secrets.seal(owner, SECRET);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec");
        assertThat(secrets.open(owner, sealed)).isEqualTo(SECRET);
        assertThat(secrets.seal(owner, SECRET)).isNotEqualTo(sealed); // a fresh IV every time
    }

    @Test
    void itOpensForNoOtherOwnerPurposeOrMasterKey() {
        UUID owner = UUID.randomUUID();
        byte[] sealed = secrets.seal(owner, SECRET);

        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed))
                .isInstanceOf(SealedSecrets.UnreadableSecretException.class);
        assertThatThrownBy(() -> new SealedSecrets(masterKey, "another-purpose").open(owner, sealed))
                .isInstanceOf(SealedSecrets.UnreadableSecretException.class);
        MasterKey other = MasterKey.fromBase64(MasterKey.generateBase64(), "test");
        assertThatThrownBy(() -> new SealedSecrets(other, "webhook-subscription-secret").open(owner, sealed))
                .isInstanceOf(SealedSecrets.UnreadableSecretException.class)
                .hasMessageNotContaining(SECRET);
        // A data key wrapped for a case cannot be passed off as a secret of the same id.
        assertThatThrownBy(() -> secrets.open(owner, masterKey.wrap(new byte[32], owner)))
                .isInstanceOf(SealedSecrets.UnreadableSecretException.class);
    }
}
