package org.caserecord.api.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.caserecord.api.crypto.MasterKey.MasterKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key: {@code caserecord.encryption.master-key}, else the file named by
 * {@code caserecord.encryption.master-key-file}; else, in local mode only, {@code master.key}
 * beside the embedded database's data directory, generated on first start and reused after.
 * Production mode without either setting refuses to start.
 */
final class MasterKeyResolver {

    static final String LOCAL_KEY_FILE_NAME = "master.key";
    private static final Logger log = LoggerFactory.getLogger(MasterKeyResolver.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private MasterKeyResolver() {
    }

    /**
     * @param localMode             whether the service runs its embedded PostgreSQL (no datasource URL)
     * @param embeddedDataDirectory the embedded database's data directory; the local key file sits beside it
     */
    static MasterKey resolve(EncryptionProperties properties, boolean localMode, Path embeddedDataDirectory) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            MasterKey key = MasterKey.fromBase64(properties.masterKey(),
                    EncryptionProperties.MASTER_KEY + " (CASERECORD_MASTER_KEY)");
            log.info("Personal data is encrypted under master key {} from {}", key.id(),
                    EncryptionProperties.MASTER_KEY);
            return key;
        }
        Path file = properties.masterKeyFile();
        if (file != null && !file.toString().isBlank()) {
            MasterKey key = read(file,
                    "The master key file " + file + " (" + EncryptionProperties.MASTER_KEY_FILE + ")");
            log.info("Personal data is encrypted under master key {} from {}", key.id(), file);
            return key;
        }
        if (localMode) {
            return localKey(localKeyFile(embeddedDataDirectory));
        }
        throw new MasterKeyException("No master key is configured. In production mode set "
                + EncryptionProperties.MASTER_KEY + " (environment variable CASERECORD_MASTER_KEY) to the base64 "
                + "encoding of 32 random bytes (`openssl rand -base64 32`), or " + EncryptionProperties.MASTER_KEY_FILE
                + " (CASERECORD_MASTER_KEY_FILE) to a file holding it. It protects every case's personal data: "
                + "keep it as safe as the database and never lose it (docs/encryption.md).");
    }

    /** Where local mode keeps its generated key: beside the data directory, e.g. ./data/master.key. */
    static Path localKeyFile(Path embeddedDataDirectory) {
        Path dataDirectory = embeddedDataDirectory.toAbsolutePath().normalize();
        return dataDirectory.resolveSibling(LOCAL_KEY_FILE_NAME);
    }

    private static MasterKey localKey(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        MasterKey key = read(file, "The local master key file " + file);
        warnIfReadableByOthers(file);
        log.info("Local mode: personal data is encrypted under master key {} from {}; keep that file with the data"
                + " directory, without it the data cannot be read", key.id(), file);
        return key;
    }

    /**
     * Writes a new key to a temporary file (owner-only where the file system has POSIX permissions),
     * then links it into place, which fails rather than replace a key another process wrote first.
     */
    private static void create(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            byte[] encoded = (MasterKey.generateBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
            try (FileChannel channel = posix(file.getParent())
                    ? FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            ownerOnly())
                    : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(encoded));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return; // another process was first: its key is the one
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return;
                }
                Files.move(temporary, file);
            }
            log.warn("Local mode: generated a new master key in {}. Back it up with the data directory: the "
                    + "personal data in the database cannot be read without it", file);
        } catch (IOException e) {
            throw new MasterKeyException("Could not create the local master key file " + file + ": " + e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}", temporary);
            }
        }
    }

    private static MasterKey read(Path file, String source) {
        String encoded;
        try {
            encoded = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MasterKeyException(source + " cannot be read: " + e.getClass().getSimpleName());
        }
        return MasterKey.fromBase64(encoded, source);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                log.warn("The master key file {} can be read by other users; restrict it with chmod 600", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Permissions are advisory here; reading the key worked.
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
