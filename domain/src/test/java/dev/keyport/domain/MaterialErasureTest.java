package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After DeleteImportedKeyMaterial (or expiry) no field of the aggregate holds the material in any form: not the bytes,
 * not their base64 or hex, not in a nested object, an event or a grant. And the bytes the key held are overwritten.
 */
class MaterialErasureTest {

    @Test
    void afterADeleteNoFieldOfTheAggregateHoldsTheMaterial() throws Exception {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        key.encrypt("x".getBytes(), new byte[0], T0, RANDOM);
        assertThat(findMaterial(key, material)).as("the probe finds the material while the key holds it")
                .isNotEmpty();
        KeyMaterial held = (KeyMaterial) field(key, "material");

        key.deleteImportedKeyMaterial(T0.plusSeconds(1));

        assertThat(findMaterial(key, material)).isEmpty();
        assertThat(findMaterial(key.snapshot(), material)).isEmpty();
        assertThat(held.copyBytes(SecretAccess.get())).as("the array the key held is zeroed").containsOnly(0);
    }

    @Test
    void afterExpiryNoFieldOfTheAggregateHoldsTheMaterial() throws Exception {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.external();
        TestKeys.importInto(key, material, T0.plus(Duration.ofDays(1)), LifecyclePolicy.TENCENT, T0);
        KeyMaterial held = (KeyMaterial) field(key, "material");
        key.expireMaterialIfDue(T0.plus(Duration.ofDays(1)));

        assertThat(findMaterial(key, material)).isEmpty();
        assertThat(held.copyBytes(SecretAccess.get())).containsOnly(0);
    }

    @Test
    void aDiscardedKeyHoldsNoMaterialAndRefusesEveryFurtherUse() throws Exception {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        KeyMaterial held = (KeyMaterial) field(key, "material");

        key.discard();

        assertThat(findMaterial(key, material)).isEmpty();
        assertThat(held.copyBytes(SecretAccess.get())).containsOnly(0);
        for (Runnable use : List.<Runnable>of(() -> key.encrypt("x".getBytes(), new byte[0], T0, RANDOM),
                () -> key.disable(T0), key::snapshot, () -> key.viewAt(T0), key::material)) {
            assertThatThrownBy(use::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("discarded");
        }
    }

    @Test
    void secretsNeverAppearInToString() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        ImportParameters parameters = key.issueImportParameters(TestKeys.WRAPPING_KEY,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, RANDOM);
        String printed = String.join("|", key.toString(), key.snapshot().toString(),
                key.snapshot().material().toString(), TestKeys.WRAPPING_KEY.toString(), parameters.token().toString(),
                key.grants().toString(), key.snapshot().fingerprint().toString(), key.drainEvents().toString());
        assertThat(printed)
                .doesNotContain(HexFormat.of().formatHex(material))
                .doesNotContain(Base64.getEncoder().encodeToString(material))
                .doesNotContain(parameters.token().value())
                .doesNotContain(Base64.getEncoder().encodeToString(
                        TestKeys.WRAPPING_KEY.privateKeyPkcs8(SecretAccess.get())));
    }

    /** The paths of every place in the object graph below {@code root} that holds the material in some form. */
    private static List<String> findMaterial(Object root, byte[] material) throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        String hex = HexFormat.of().formatHex(material);
        String base64 = Base64.getEncoder().encodeToString(material);
        walk(root, "key", material, hex, base64, found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object node, String path, byte[] material, String hex, String base64,
                             List<String> found, Map<Object, Boolean> seen) throws IllegalAccessException {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof byte[] bytes) {
            if (contains(bytes, material)) {
                found.add(path);
            }
            return;
        }
        if (node instanceof CharSequence text) {
            String s = text.toString();
            if (s.contains(hex) || s.contains(base64)) {
                found.add(path);
            }
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", material, hex, base64, found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), path + ".key", material, hex, base64, found, seen);
                walk(entry.getValue(), path + ".value", material, hex, base64, found, seen);
            }
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith("dev.keyport.") || node instanceof Enum<?>) {
            return; // JDK values (Instant, keys of RSA, enums' names) hold no copy of the material
        }
        for (Class<?> c = type; c != null && c.getName().startsWith("dev.keyport."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                walk(f.get(node), path + "." + f.getName(), material, hex, base64, found, seen);
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
