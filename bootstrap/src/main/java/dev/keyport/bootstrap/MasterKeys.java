package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/** The master key: the one given, or the data folder's, generated on first start into a file only its owner reads. */
final class MasterKeys {

    static final String FILE = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeys() {
    }

    /** The data folder's master key, if it has one; never generates one. */
    static Optional<MasterKey> existing(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(resolve(Optional.empty(), dataDir, new SecureRandom()));
    }

    /** Replaces the data folder's master key with {@code key}: written beside it, owner-only, then moved over it. */
    static void replace(Path dataDir, MasterKey key) throws IOException {
        Path file = dataDir.resolve(FILE);
        Path next = dataDir.resolve(FILE + ".next");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(next, key.toBase64() + "\n", StandardCharsets.US_ASCII);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static MasterKey resolve(Optional<MasterKey> given, Path dataDir, SecureRandom random) {
        if (given.isPresent()) {
            return given.get();
        }
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                MasterKey generated = MasterKey.generate(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.writeString(file, generated.toBase64() + "\n", StandardCharsets.US_ASCII);
                    return generated;
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first: read theirs
                }
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                throw new BadSettingException("KEYPORT_DATA_DIR", file + " must be readable by its owner only (0600)");
            }
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new BadSettingException("KEYPORT_DATA_DIR", "cannot keep the master key in " + file + ": "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadSettingException("KEYPORT_DATA_DIR", file + " does not hold a base64 master key");
        }
    }
}
