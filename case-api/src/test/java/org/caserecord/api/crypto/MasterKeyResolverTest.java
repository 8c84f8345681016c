package org.caserecord.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.caserecord.api.crypto.MasterKey.MasterKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the master key comes from, and how a missing or malformed one stops the service. */
class MasterKeyResolverTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);

    @TempDir
    Path directory;

    private static EncryptionProperties settings(String masterKey, Path masterKeyFile) {
        return new EncryptionProperties(masterKey, masterKeyFile, Duration.ofSeconds(60), 10_000);
    }

    private Path dataDirectory() {
        return directory.resolve("data").resolve("postgres");
    }

    private static String idOf(byte[] key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
    }

    @Test
    void anExplicitKeyIsUsedInAnyMode() throws Exception {
        MasterKey key = MasterKeyResolver.resolve(settings(KEY_BASE64, null), false, dataDirectory());

        assertThat(key.id()).isEqualTo(idOf(KEY));
        assertThat(key.toString()).doesNotContain(KEY_BASE64);
        assertThat(Files.exists(MasterKeyResolver.localKeyFile(dataDirectory()))).isFalse();
    }

    @Test
    void anExplicitKeyWinsOverAKeyFile() throws Exception {
        Path file = Files.writeString(directory.resolve("other.key"), MasterKey.generateBase64());

        MasterKey key = MasterKeyResolver.resolve(settings(KEY_BASE64, file), false, dataDirectory());

        assertThat(key.id()).isEqualTo(idOf(KEY));
    }

    @Test
    void aKeyFileIsReadWithItsTrailingNewline() throws Exception {
        // As `openssl rand -base64 32 > master.key` or a Docker secret leaves it.
        Path file = Files.writeString(directory.resolve("master.key"), KEY_BASE64 + "\n");

        MasterKey key = MasterKeyResolver.resolve(settings(null, file), false, dataDirectory());

        assertThat(key.id()).isEqualTo(idOf(KEY));
    }

    @Test
    void aBlankKeyCountsAsUnset() throws Exception {
        Path file = Files.writeString(directory.resolve("master.key"), KEY_BASE64);

        MasterKey key = MasterKeyResolver.resolve(settings("  ", file), false, dataDirectory());

        assertThat(key.id()).isEqualTo(idOf(KEY));
    }

    @Test
    void localModeGeneratesAKeyBesideTheDataDirectoryAndReusesIt() throws IOException {
        MasterKey first = MasterKeyResolver.resolve(settings(null, null), true, dataDirectory());
        Path file = directory.resolve("data").resolve("master.key");

        assertThat(MasterKeyResolver.localKeyFile(dataDirectory())).isEqualTo(file.toAbsolutePath());
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(MasterKeyResolver.resolve(settings(null, null), true, dataDirectory()).id()).isEqualTo(first.id());
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void theGeneratedKeyFileIsForItsOwnerOnly() throws IOException {
        assumeThat(directory.getFileSystem().supportedFileAttributeViews()).contains("posix");

        MasterKeyResolver.resolve(settings(null, null), true, dataDirectory());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                MasterKeyResolver.localKeyFile(dataDirectory())))).isEqualTo("rw-------");
    }

    @Test
    void twoLocalDirectoriesGetTwoKeys() {
        MasterKey one = MasterKeyResolver.resolve(settings(null, null), true, dataDirectory());
        MasterKey two = MasterKeyResolver.resolve(settings(null, null), true,
                directory.resolve("elsewhere").resolve("postgres"));

        assertThat(one.id()).isNotEqualTo(two.id());
    }

    @Test
    void productionModeWithoutAKeyRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> MasterKeyResolver.resolve(settings(null, null), false, dataDirectory()))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("caserecord.encryption.master-key")
                .hasMessageContaining("CASERECORD_MASTER_KEY")
                .hasMessageContaining("caserecord.encryption.master-key-file")
                .hasMessageContaining("CASERECORD_MASTER_KEY_FILE")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(Files.exists(MasterKeyResolver.localKeyFile(dataDirectory()))).isFalse();
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutShowingIt() {
        String malformed = "correct-horse-battery-staple!!correct-horse=";

        assertThatThrownBy(() -> MasterKeyResolver.resolve(settings(malformed, null), false, dataDirectory()))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("caserecord.encryption.master-key")
                .hasMessageContaining("not valid base64")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(malformed).doesNotContain("correct"));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
        String tooShort = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());

        assertThatThrownBy(() -> MasterKeyResolver.resolve(settings(tooShort, null), false, dataDirectory()))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("decodes to 36 bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tooShort));
    }

    @Test
    void aMalformedKeyFileIsRefusedWithoutShowingItsContent() throws IOException {
        Path file = Files.writeString(directory.resolve("master.key"), "hunter2hunter2");

        assertThatThrownBy(() -> MasterKeyResolver.resolve(settings(null, file), false, dataDirectory()))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path file = directory.resolve("no-such.key");

        assertThatThrownBy(() -> MasterKeyResolver.resolve(settings(null, file), false, dataDirectory()))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        assertThat(settings(KEY_BASE64, null).toString()).doesNotContain(KEY_BASE64).contains("(set)");
    }
}
