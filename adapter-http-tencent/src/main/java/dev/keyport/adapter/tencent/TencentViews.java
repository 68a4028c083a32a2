package dev.keyport.adapter.tencent;

import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a key looks on Tencent's wire: its state, origin and usage in Tencent's names, and its {@code KeyMetadata}.
 * Each name is written here once; parsing a name a client sends ({@link TencentParams}) reads it from here.
 */
final class TencentViews {

    /** KeyMetadata.Type: 2 is a FIPS 140-2 region's key (Keyport's AES-256-GCM), as opposed to 4, an SM key. */
    static final long KEY_TYPE_FIPS = 2;

    private TencentViews() {
    }

    static String state(KeyState state) {
        return switch (state) {
            case ENABLED -> "Enabled";
            case DISABLED -> "Disabled";
            case PENDING_DELETE -> "PendingDelete";
            case PENDING_IMPORT -> "PendingImport";
        };
    }

    static String origin(Origin origin) {
        return switch (origin) {
            case KEYPORT -> "TENCENT_KMS";
            case EXTERNAL -> "EXTERNAL";
        };
    }

    /** The origin Tencent names {@code name}, if any. */
    static Optional<Origin> originNamed(String name) {
        return Arrays.stream(Origin.values()).filter(o -> origin(o).equals(name)).findFirst();
    }

    static String usage(KeyUsage usage) {
        return usage.name();
    }

    /** The usage Tencent names {@code name}, if Keyport keeps keys of it. */
    static Optional<KeyUsage> usageNamed(String name) {
        return Arrays.stream(KeyUsage.values()).filter(u -> usage(u).equals(name)).findFirst();
    }

    /** A time as Tencent's epoch seconds, 0 for none. */
    static long seconds(Optional<Instant> time) {
        return time.map(Instant::getEpochSecond).orElse(0L);
    }

    static Responses.KeyMetadata metadata(KeyView key, TencentCredential credential) {
        return new Responses.KeyMetadata(key.id().value(), key.alias().value(), key.createdAt().getEpochSecond(),
                key.description().value(), state(key.state()), usage(key.usage()), KEY_TYPE_FIPS, credential.uin(),
                false, "user", 0, seconds(key.deletionDate()), origin(key.origin()),
                seconds(key.materialExpiresAt()), "creatorUin/" + credential.uin() + "/" + key.id().value());
    }

    static List<Responses.KeyMetadata> metadata(List<KeyView> keys, TencentCredential credential) {
        return keys.stream().map(key -> metadata(key, credential)).toList();
    }
}
