package dev.keyport.bootstrap.fuzz;

import dev.keyport.bootstrap.fuzz.StoreFingerprint.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * One worker's real keys, one per role, each in the state its role names. Both APIs see them: a Tencent credential and
 * a Huawei project of the same tenant and region share one scope. The fuzz aims its requests at them; when an accepted
 * request moved a key out of its role's state, the zoo brings it back through the Tencent API (or makes a new key for
 * the role), so that the next hostile value is again the only thing wrong with its request.
 */
final class KeyZoo {

    enum Role {
        KP_ENABLED("ENABLED"), KP_DISABLED("DISABLED"), KP_PENDING_DELETE("PENDING_DELETE"),
        EXT_PENDING("PENDING_IMPORT"), EXT_ENABLED("ENABLED"), EXT_DISABLED("DISABLED"),
        EXT_IMPORTABLE("PENDING_IMPORT"), CIPHER("ENABLED"), CIPHER_AAD("ENABLED"), DATA_KEY_AAD("ENABLED"),
        BOUND("ENABLED");

        final String state;

        Role(String state) {
            this.state = state;
        }

        boolean external() {
            return name().startsWith("EXT_");
        }
    }

    /**
     * A role's key and what the test keeps for it: the import token and the material wrapped under its public key
     * (a token stays valid for a second import), the grant that token belongs to, the material's fingerprint as
     * stored, and a ciphertext made under the key (CIPHER: by Tencent's Encrypt with {@link FuzzPlan#CONTEXT};
     * CIPHER_AAD: by Huawei's encrypt-data with {@link FuzzPlan#AAD}; DATA_KEY_AAD: a 256-bit data key's, in hex, by
     * Huawei's create-datakey with {@link FuzzPlan#AAD}).
     */
    record Held(String keyId, String token, String grant, String publicKey, String wrapped, String fingerprint,
                String blob) {
    }

    /** The APIs, as far as setting keys up needs them. Each call must succeed. */
    interface Ops {

        String create(String alias, boolean external);

        void enable(String keyId);

        void disable(String keyId);

        void schedule(String keyId);

        void cancel(String keyId);

        /** The import token and the base64 DER public key. */
        String[] parameters(String keyId);

        void importMaterial(String keyId, String token, String wrapped);

        void deleteMaterial(String keyId);

        /** Tencent's Encrypt with the context. */
        String encrypt(String keyId);

        /** Huawei's encrypt-data with the additional authenticated data. */
        String encryptWithAad(String keyId);

        /** Huawei's create-datakey (256 bits) with the additional authenticated data: its hex cipher_text. */
        String dataKeyWithAad(String keyId);

        void bind(String keyId, String product, String resource);

        void unbind(String keyId, String product, String resource);
    }

    private final Ops ops;
    private final Function<String, Key> store;
    private final Supplier<String> aliases;
    private final SecureRandom random = new SecureRandom();
    private final Map<Role, Held> held = new EnumMap<>(Role.class);
    private int provisioned;
    private int restored;
    private final Map<String, Integer> remade = new java.util.TreeMap<>();

    KeyZoo(Ops ops, Function<String, Key> store, Supplier<String> aliases) {
        this.ops = ops;
        this.store = store;
        this.aliases = aliases;
    }

    void provisionAll() {
        for (Role role : Role.values()) {
            provision(role);
        }
    }

    Held held(Role role) {
        Held h = held.get(role);
        if (h == null) {
            throw new IllegalStateException("no key in role " + role);
        }
        return h;
    }

    int provisioned() {
        return provisioned;
    }

    int restored() {
        return restored;
    }

    /** Why keys had to be made anew instead of brought back, and how often. */
    Map<String, Integer> remade() {
        return remade;
    }

    /** The importable key's material wrapped under its public key, in a given padding; null for an unknown mode. */
    String wrap(byte[] material, String mode) {
        Held importable = held.get(Role.EXT_IMPORTABLE);
        return importable == null ? null : wrap(importable.publicKey(), material, mode);
    }

    /** The role a key plays here, or null. */
    Role roleOf(String keyId) {
        return held.entrySet().stream().filter(e -> e.getValue().keyId().equals(keyId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** Brings every role whose key is among {@code changed} back to its state. */
    void restore(Collection<String> changed) {
        for (Role role : Role.values()) {
            Held h = held.get(role);
            if (h != null && changed.contains(h.keyId())) {
                restore(role);
                restored++;
            }
        }
    }

    private void restore(Role role) {
        String why = "still not in its state after 6 steps";
        for (int step = 0; step < 6; step++) {
            Held h = held.get(role);
            Key key = store.apply(h.keyId());
            if (key == null) {
                why = "gone";
                break;
            }
            if (matches(role, h, key)) {
                return;
            }
            try {
                if (!transition(role, h, key)) {
                    why = "no way back from " + key.describe();
                    break;
                }
            } catch (IllegalStateException e) {
                why = e.getMessage();
                break;
            }
        }
        remade.merge(role + ": " + why, 1, Integer::sum);
        provision(role);
    }

    /** One step towards the role's state; false when there is none (a new key is made instead). */
    private boolean transition(Role role, Held h, Key key) {
        String want = role.state;
        if (!key.bindings().isEmpty() && role != Role.BOUND) {
            for (String binding : key.bindings()) {
                String[] parts = binding.split("\u0001", 2);
                ops.unbind(h.keyId(), parts[0], parts[1]);
            }
            return true;
        }
        if (key.materialExpiresAt() != null) {
            if (!key.hasMaterial()) {
                return false;
            }
            ops.deleteMaterial(h.keyId()); // an accepted import set an expiry: import again without one
            return true;
        }
        if (key.state().equals("PENDING_DELETE") && !want.equals("PENDING_DELETE")) {
            ops.cancel(h.keyId());
            return true;
        }
        switch (want) {
            case "ENABLED" -> {
                if (key.state().equals("DISABLED")) {
                    ops.enable(h.keyId());
                } else if (key.state().equals("PENDING_IMPORT") && h.token() != null) {
                    ops.importMaterial(h.keyId(), h.token(), h.wrapped());
                } else if (role == Role.BOUND && key.state().equals("ENABLED")) {
                    ops.bind(h.keyId(), FuzzPlan.PRODUCT, FuzzPlan.RESOURCE);
                } else {
                    return false;
                }
            }
            case "DISABLED" -> {
                if (key.state().equals("ENABLED")) {
                    ops.disable(h.keyId());
                } else if (key.state().equals("PENDING_IMPORT") && h.token() != null) {
                    ops.importMaterial(h.keyId(), h.token(), h.wrapped());
                } else {
                    return false;
                }
            }
            case "PENDING_DELETE" -> {
                if (key.state().equals("ENABLED")) {
                    ops.disable(h.keyId());
                } else if (key.state().equals("DISABLED") || key.state().equals("PENDING_IMPORT")) {
                    ops.schedule(h.keyId());
                } else {
                    return false;
                }
            }
            case "PENDING_IMPORT" -> {
                if ((key.state().equals("ENABLED") || key.state().equals("DISABLED")) && key.hasMaterial()) {
                    ops.deleteMaterial(h.keyId());
                } else if (key.state().equals("PENDING_IMPORT") && h.token() != null
                        && !java.util.Objects.equals(key.materialFingerprint(), h.fingerprint())) {
                    // material was imported and deleted: only the test's own material may be the key's
                    ops.importMaterial(h.keyId(), h.token(), h.wrapped());
                    held.put(role, new Held(h.keyId(), h.token(), h.grant(), h.publicKey(), h.wrapped(),
                            store.apply(h.keyId()).materialFingerprint(), h.blob()));
                } else {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Role role, Held h, Key key) {
        if (!key.state().equals(role.state) || key.materialExpiresAt() != null) {
            return false;
        }
        if (role == Role.BOUND) {
            return key.bindings().equals(List.of(FuzzPlan.PRODUCT + "\u0001" + FuzzPlan.RESOURCE));
        }
        if (!key.bindings().isEmpty()) {
            return false;
        }
        boolean grantAlive = h.grant() == null || key.grants().stream().anyMatch(g -> g.startsWith(h.grant() + "@"));
        return switch (role) {
            case EXT_ENABLED, EXT_DISABLED -> key.hasMaterial() && grantAlive
                    && java.util.Objects.equals(key.materialFingerprint(), h.fingerprint());
            case EXT_IMPORTABLE -> !key.hasMaterial() && grantAlive
                    && java.util.Objects.equals(key.materialFingerprint(), h.fingerprint());
            case EXT_PENDING -> !key.hasMaterial();
            default -> true;
        };
    }

    private void provision(Role role) {
        provisioned++;
        String id = ops.create(aliases.get(), role.external());
        Held h = new Held(id, null, null, null, null, null, null);
        switch (role) {
            case KP_ENABLED, EXT_PENDING -> { }
            case KP_DISABLED -> ops.disable(id);
            case KP_PENDING_DELETE -> {
                ops.disable(id);
                ops.schedule(id);
            }
            case CIPHER -> h = new Held(id, null, null, null, null, null, ops.encrypt(id));
            case CIPHER_AAD -> h = new Held(id, null, null, null, null, null, ops.encryptWithAad(id));
            case DATA_KEY_AAD -> h = new Held(id, null, null, null, null, null, ops.dataKeyWithAad(id));
            case BOUND -> ops.bind(id, FuzzPlan.PRODUCT, FuzzPlan.RESOURCE);
            case EXT_ENABLED, EXT_DISABLED, EXT_IMPORTABLE -> {
                Key before = store.apply(id);
                String[] parameters = ops.parameters(id);
                Key after = store.apply(id);
                String grant = after.grants().stream().filter(g -> !before.grants().contains(g)).findFirst()
                        .map(g -> g.substring(0, g.indexOf('@'))).orElseThrow();
                byte[] material = new byte[32];
                random.nextBytes(material);
                String wrapped = wrap(parameters[1], material, "OAEP-SHA256");
                String fingerprint = null;
                if (role != Role.EXT_IMPORTABLE) {
                    ops.importMaterial(id, parameters[0], wrapped);
                    if (role == Role.EXT_DISABLED) {
                        ops.disable(id);
                    }
                    fingerprint = store.apply(id).materialFingerprint();
                }
                h = new Held(id, parameters[0], grant, parameters[1], wrapped, fingerprint, null);
            }
            default -> throw new IllegalStateException("no recipe for " + role);
        }
        held.put(role, h);
    }

    /** RSA wrapping as a vendor's client does it; the modes a hostile client might pick besides. */
    static String wrap(String publicKeyBase64, byte[] material, String mode) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Cipher cipher;
            switch (mode) {
                case "OAEP-SHA256" -> {
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                }
                case "OAEP-SHA256-MGF1-SHA1" -> {
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
                }
                case "OAEP-SHA1" -> {
                    cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                    cipher.init(Cipher.ENCRYPT_MODE, key);
                }
                case "PKCS1" -> {
                    cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    cipher.init(Cipher.ENCRYPT_MODE, key);
                }
                default -> {
                    return null;
                }
            }
            return Base64.getEncoder().encodeToString(cipher.doFinal(material));
        } catch (java.security.GeneralSecurityException e) {
            return null; // too long for the padding: the caller leaves the field out
        }
    }
}
