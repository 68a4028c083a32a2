package dev.keyport.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer master key: the aggregate that owns every rule of the lifecycle of its material.
 *
 * <p>Every transition is a method that takes the current time and either moves the key to its new state or throws a
 * {@link DomainException} that names the key, its state and the rule broken. Before any transition the key applies
 * its own material expiry, so no caller can act on material whose expiry has passed. Each change is recorded as a
 * {@link KeyEvent}, drained by the application into the audit trail.
 *
 * <p>A key rebuilt by a store that seals secrets holds its material and its grants' wrapping private keys still
 * sealed, and opens one only when an operation needs it: the material to encrypt or decrypt, one grant's private key
 * to import under that grant's token.
 */
public final class Cmk {

    /** How long import parameters stay valid: 24 hours, as both vendors document. */
    public static final Duration IMPORT_PARAMETERS_VALIDITY = Duration.ofHours(24);
    /** At most this many outstanding import grants per key; issuing another drops the oldest. */
    public static final int MAX_OUTSTANDING_GRANTS = 10;
    /** The largest plaintext Encrypt accepts, in bytes (4 KiB, both vendors). */
    public static final int MAX_PLAINTEXT_BYTES = 4096;

    private final KeyId id;
    private final KeyScope scope;
    private Alias alias;
    private Description description;
    private final KeyUsage usage;
    private final Origin origin;
    private final Instant createdAt;
    private final long version;

    private KeyState state;
    private KeyMaterial material;
    private MaterialFingerprint fingerprint;
    private Instant materialExpiresAt;
    private Instant deletionDate;
    private final Set<CloudResource> bindings;
    private final List<ImportGrant> grants;
    private final List<KeyEvent> events = new ArrayList<>();
    private boolean discarded;

    private Cmk(CmkSnapshot s) {
        this.id = s.id();
        this.scope = s.scope();
        this.alias = s.alias();
        this.description = s.description();
        this.usage = s.usage();
        this.origin = s.origin();
        this.createdAt = s.createdAt();
        this.version = s.version();
        this.state = s.state();
        this.material = s.material();
        this.fingerprint = s.fingerprint();
        this.materialExpiresAt = s.materialExpiresAt();
        this.deletionDate = s.deletionDate();
        this.bindings = new LinkedHashSet<>(s.bindings());
        this.grants = new ArrayList<>(s.grants());
    }

    // ---------------------------------------------------------------------------------------------- creation

    /** A key whose 256-bit material Keyport generates: Enabled at once. */
    public static Cmk createWithGeneratedMaterial(KeyId id, KeyScope scope, Alias alias, Description description,
                                                  KeyUsage usage, LifecyclePolicy policy, Instant now,
                                                  SecureRandom random) {
        policy.aliasRule().check(alias);
        return generated(id, scope, alias, description, usage, now, random);
    }

    private static Cmk generated(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage,
                                 Instant now, SecureRandom random) {
        Instant at = truncate(now);
        Cmk key = new Cmk(new CmkSnapshot(id, scope, alias, description, usage, Origin.KEYPORT, at,
                KeyState.ENABLED, null, null, null, null, Set.of(), List.of(), 0));
        key.material = KeyMaterial.generate(random);
        key.record(KeyChange.CREATED, null, at, ChangeReason.REQUESTED, "origin " + Origin.KEYPORT);
        return key;
    }

    /** An EXTERNAL key: PendingImport, with no material until its owner imports some. */
    public static Cmk createExternal(KeyId id, KeyScope scope, Alias alias, Description description,
                                     KeyUsage usage, LifecyclePolicy policy, Instant now) {
        policy.aliasRule().check(alias);
        return external(id, scope, alias, description, usage, now);
    }

    private static Cmk external(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage,
                                Instant now) {
        Instant at = truncate(now);
        Cmk key = new Cmk(new CmkSnapshot(id, scope, alias, description, usage, Origin.EXTERNAL, at,
                KeyState.PENDING_IMPORT, null, null, null, null, Set.of(), List.of(), 0));
        key.record(KeyChange.CREATED, null, at, ChangeReason.REQUESTED, "origin " + Origin.EXTERNAL);
        return key;
    }

    /**
     * A key as a seed file describes it, made in one step at one instant. It is created as the two factories above
     * create keys (its alias checked under {@code policy}); an EXTERNAL key given material then holds it as an import
     * binds it, with the fingerprint that admits only that material again, though given in clear (the operator's file
     * holds it so) rather than wrapped; and the ordinary transitions, with their guards, take it to the seed's state:
     * Disabled is disabled; PendingImport has its material deleted; PendingDelete is disabled when it holds material,
     * then scheduled for deletion {@code pendingDays} away. Those steps are recorded as one {@link KeyChange#SEEDED}
     * event, from no state to the seed's: no one saw the key before it was seeded.
     *
     * <p>The key holds a copy of the seed's material; the seed's own is its maker's to erase. Every refusal names the
     * seed's key.
     */
    public static Cmk seed(KeySeed seed, LifecyclePolicy policy, Instant now, SecureRandom random) {
        KeyId id = seed.id();
        policy.aliasRule().check(seed.alias(), id);
        boolean external = seed.origin() == Origin.EXTERNAL;
        if (!external && seed.material().isPresent()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "material",
                    "is generated for a Keyport-origin key, never given", id, null);
        }
        if (external && seed.material().isEmpty()
                && (seed.state() == KeyState.ENABLED || seed.state() == KeyState.DISABLED)) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "state", seed.state()
                    + " needs material: an EXTERNAL key without any is PENDING_IMPORT or PENDING_DELETE", id, null);
        }
        Cmk key = external
                ? external(id, seed.scope(), seed.alias(), seed.description(), seed.usage(), now)
                : generated(id, seed.scope(), seed.alias(), seed.description(), seed.usage(), now, random);
        Instant at = key.createdAt;
        seed.material().ifPresent(given -> key.holdSeededMaterial(given, policy, random));
        switch (seed.state()) {
            case ENABLED -> {
                // as created, or as the material made it
            }
            case DISABLED -> key.disable(at);
            case PENDING_IMPORT -> {
                if (key.material != null) {
                    key.deleteImportedKeyMaterial(at);
                }
            }
            case PENDING_DELETE -> {
                if (key.material != null) {
                    key.disable(at);
                }
                key.scheduleDeletion(seed.pendingDays(), policy, at);
            }
        }
        StringBuilder detail = new StringBuilder("origin ").append(seed.origin());
        if (seed.material().isPresent()) {
            detail.append(key.material != null ? ", material imported" : ", material imported then deleted");
        }
        if (key.deletionDate != null) {
            detail.append(", deletion in ").append(seed.pendingDays()).append(" days, on ").append(key.deletionDate);
        }
        key.events.clear();
        key.record(KeyChange.SEEDED, null, at, ChangeReason.REQUESTED, detail.toString());
        return key;
    }

    /** Seeded material, given in clear: held as {@link #importMaterial} holds what it unwraps. PendingImport → Enabled. */
    private void holdSeededMaterial(KeyMaterial given, LifecyclePolicy policy, SecureRandom random) {
        if (!policy.materialLengths().contains(given.length())) {
            throw importRefused(DomainErrorCode.MATERIAL_LENGTH_INVALID, "material of " + given.length()
                    + " bytes; " + policy.vendor() + " accepts " + policy.materialLengths());
        }
        KeyMaterial held = given.copy();
        fingerprint = MaterialFingerprint.compute(id, held, random);
        material = held;
        state = KeyState.ENABLED;
    }

    /** Rebuilds a key from storage, refusing a snapshot that breaks the aggregate's invariants. */
    public static Cmk rehydrate(CmkSnapshot snapshot) {
        checkInvariants(snapshot);
        return new Cmk(snapshot);
    }

    // ---------------------------------------------------------------------------------------------- import

    /**
     * Issues an import token bound to this key, {@code wrappingKey} and the algorithm, valid for
     * {@link #IMPORT_PARAMETERS_VALIDITY}. Allowed for EXTERNAL keys in any state but PendingDelete. The pair may
     * also back other keys' tokens (the application's wrapping-key source decides); this token still imports into
     * this key only, through its own grant.
     */
    public ImportParameters issueImportParameters(WrappingKeyPair wrappingKey, WrappingAlgorithm algorithm,
                                                  Instant now, SecureRandom random) {
        Objects.requireNonNull(wrappingKey, "wrapping key");
        Objects.requireNonNull(algorithm, "algorithm");
        Instant at = prepare(now);
        requireExternal(KeyOperation.GET_IMPORT_PARAMETERS);
        if (state == KeyState.PENDING_DELETE) {
            throw refused(DomainErrorCode.KEY_PENDING_DELETE, KeyOperation.GET_IMPORT_PARAMETERS);
        }
        byte[] grantIdBytes = new byte[ImportToken.GRANT_ID_BYTES];
        random.nextBytes(grantIdBytes);
        String grantId = HexFormat.of().formatHex(grantIdBytes);
        Instant expiresAt = at.plus(IMPORT_PARAMETERS_VALIDITY);
        byte[] publicKeyDer = wrappingKey.publicKeyDer();
        ImportToken token = ImportToken.issue(id, grantId, expiresAt, algorithm, publicKeyDer, random);
        byte[] tokenDigest = token.claims().orElseThrow().digest();
        if (grants.size() >= MAX_OUTSTANDING_GRANTS) {
            grants.sort(Comparator.comparing(ImportGrant::issuedAt));
            grants.subList(0, grants.size() - MAX_OUTSTANDING_GRANTS + 1).clear();
        }
        grants.add(new ImportGrant(grantId, wrappingKey, algorithm, at, expiresAt, tokenDigest));
        record(KeyChange.IMPORT_PARAMETERS_ISSUED, state, at, ChangeReason.REQUESTED,
                "grant " + grantId + ", " + wrappingKey.spec() + ", " + algorithm + ", wrapping key "
                        + wrappingKey.fingerprint());
        return new ImportParameters(id, token, wrappingKey.spec(), algorithm, publicKeyDer, expiresAt);
    }

    /**
     * Imports material wrapped under the public key of an outstanding grant. PendingImport → Enabled. The first
     * import binds the key to that material for ever; every later import must bring the identical material. Under
     * {@link ReimportRule#SAME_MATERIAL_UPDATES_EXPIRY} an Enabled key accepts its own material again, which only
     * replaces the expiry.
     *
     * @param expiresAt when the material expires, or {@code null} for never; must lie in the future
     */
    public void importMaterial(ImportToken token, byte[] wrappedMaterial, Instant expiresAt, LifecyclePolicy policy,
                               Instant now, SecureRandom random) {
        Objects.requireNonNull(token, "import token");
        Objects.requireNonNull(wrappedMaterial, "wrapped material");
        Instant at = prepare(now);
        requireExternal(KeyOperation.IMPORT_MATERIAL);
        boolean reimport = state == KeyState.ENABLED
                && policy.reimportRule() == ReimportRule.SAME_MATERIAL_UPDATES_EXPIRY;
        if (state != KeyState.PENDING_IMPORT && !reimport) {
            throw refused(DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED, KeyOperation.IMPORT_MATERIAL);
        }
        Instant newExpiry = expiresAt == null ? null : truncate(expiresAt);
        if (newExpiry != null && !newExpiry.isAfter(at)) {
            throw importRefused(DomainErrorCode.MATERIAL_EXPIRY_NOT_IN_FUTURE, "the material expiry has passed");
        }
        if (newExpiry != null && !bindings.isEmpty()) {
            throw new KeyInUseException(id, state, KeyOperation.IMPORT_MATERIAL, bindings);
        }
        ImportGrant grant = grantFor(token, at);
        byte[] unwrapped = grant.algorithm().unwrap(grant.wrappingKey().privateKey(), wrappedMaterial)
                .orElseThrow(() -> importRefused(DomainErrorCode.MATERIAL_UNWRAP_FAILED,
                        "the material does not unwrap with the token's wrapping key and algorithm"));
        KeyMaterial imported;
        try {
            if (!policy.materialLengths().contains(unwrapped.length)) {
                throw importRefused(DomainErrorCode.MATERIAL_LENGTH_INVALID,
                        "material of " + unwrapped.length + " bytes; " + policy.vendor() + " accepts "
                                + policy.materialLengths());
            }
            imported = KeyMaterial.of(unwrapped);
        } finally {
            Arrays.fill(unwrapped, (byte) 0);
        }
        if (fingerprint != null && !fingerprint.matches(id, imported)) {
            imported.erase();
            throw importRefused(DomainErrorCode.MATERIAL_MISMATCH,
                    "the material differs from the material first imported into this key");
        }
        if (fingerprint == null) {
            fingerprint = MaterialFingerprint.compute(id, imported, random);
        }
        Instant previousExpiry = materialExpiresAt;
        materialExpiresAt = newExpiry;
        if (reimport) {
            imported.erase();
            record(KeyChange.MATERIAL_EXPIRY_CHANGED, state, at, ChangeReason.REQUESTED,
                    "expiry " + describe(previousExpiry) + " -> " + describe(newExpiry));
            return;
        }
        material = imported;
        KeyState from = state;
        state = KeyState.ENABLED;
        record(KeyChange.MATERIAL_IMPORTED, from, at, ChangeReason.REQUESTED,
                "grant " + grant.grantId() + ", expiry " + describe(newExpiry));
    }

    // ---------------------------------------------------------------------------------------------- delete material

    /**
     * DeleteImportedKeyMaterial: erases the material of an EXTERNAL key, Enabled or Disabled, and puts it into
     * PendingImport. The key stays, and so does the fingerprint that admits only the same material again.
     */
    public void deleteImportedKeyMaterial(Instant now) {
        Instant at = prepare(now);
        requireExternal(KeyOperation.DELETE_MATERIAL);
        if (state != KeyState.ENABLED && state != KeyState.DISABLED) {
            throw refused(DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED, KeyOperation.DELETE_MATERIAL);
        }
        requireUnbound(KeyOperation.DELETE_MATERIAL);
        eraseMaterial(at, ChangeReason.REQUESTED);
    }

    /**
     * Applies the material expiry: once it has passed, the material is deleted exactly as by
     * {@link #deleteImportedKeyMaterial}, recorded as expired and dated at the expiry. A key pending deletion keeps
     * that state. Called before every transition and by {@link #viewAt}; {@link MaterialExpiry} defines when.
     *
     * @return whether the material expired now
     */
    public boolean expireMaterialIfDue(Instant now) {
        requireNotDiscarded();
        if (!isMaterialExpiryDue(now)) {
            return false;
        }
        eraseMaterial(materialExpiresAt, ChangeReason.MATERIAL_EXPIRED);
        return true;
    }

    public boolean isMaterialExpiryDue(Instant now) {
        return MaterialExpiry.isDue(origin, material != null, materialExpiresAt, now);
    }

    private void eraseMaterial(Instant at, ChangeReason reason) {
        material.erase();
        material = null;
        materialExpiresAt = null;
        KeyState from = state;
        if (state != KeyState.PENDING_DELETE) {
            state = KeyState.PENDING_IMPORT; // as MaterialExpiry.stateAt has it
        }
        record(KeyChange.MATERIAL_DELETED, from, at, reason, "");
    }

    // ---------------------------------------------------------------------------------------------- enable, disable

    public void enable(Instant now) {
        Instant at = prepare(now);
        if (state != KeyState.DISABLED) {
            throw refused(DomainErrorCode.KEY_NOT_DISABLED, KeyOperation.ENABLE);
        }
        state = KeyState.ENABLED;
        record(KeyChange.ENABLED, KeyState.DISABLED, at, ChangeReason.REQUESTED, "");
    }

    public void disable(Instant now) {
        Instant at = prepare(now);
        if (state != KeyState.ENABLED) {
            throw refused(DomainErrorCode.KEY_NOT_ENABLED, KeyOperation.DISABLE);
        }
        requireUnbound(KeyOperation.DISABLE);
        state = KeyState.DISABLED;
        record(KeyChange.DISABLED, KeyState.ENABLED, at, ChangeReason.REQUESTED, "");
    }

    // ---------------------------------------------------------------------------------------------- attributes

    /**
     * UpdateAlias / update-key-alias: the key's alias becomes {@code newAlias}, checked under {@code policy}; its
     * uniqueness in the scope is the store's to enforce. Refused while the key is pending deletion; the same alias
     * changes nothing. Material, state and everything else stay as they are.
     */
    public void updateAlias(Alias newAlias, LifecyclePolicy policy, Instant now) {
        Objects.requireNonNull(newAlias, "alias");
        Instant at = prepare(now);
        policy.aliasRule().check(newAlias, id);
        if (state == KeyState.PENDING_DELETE) {
            throw refused(DomainErrorCode.KEY_PENDING_DELETE, KeyOperation.UPDATE_ALIAS);
        }
        if (newAlias.equals(alias)) {
            return;
        }
        Alias previous = alias;
        alias = newAlias;
        record(KeyChange.ALIAS_CHANGED, state, at, ChangeReason.REQUESTED, previous.value() + " -> " + newAlias.value());
    }

    /** UpdateKeyDescription / update-key-description: as {@link #updateAlias}, for the description. */
    public void updateDescription(Description newDescription, Instant now) {
        Objects.requireNonNull(newDescription, "description");
        Instant at = prepare(now);
        if (state == KeyState.PENDING_DELETE) {
            throw refused(DomainErrorCode.KEY_PENDING_DELETE, KeyOperation.UPDATE_DESCRIPTION);
        }
        if (newDescription.equals(description)) {
            return;
        }
        description = newDescription;
        record(KeyChange.DESCRIPTION_CHANGED, state, at, ChangeReason.REQUESTED, "");
    }

    // ---------------------------------------------------------------------------------------------- deletion

    /** Schedules the key's deletion {@code pendingDays} from now, within the vendor's window and from its states. */
    public Instant scheduleDeletion(int pendingDays, LifecyclePolicy policy, Instant now) {
        Instant at = prepare(now);
        DeletionWindow window = policy.deletionWindow();
        if (!window.contains(pendingDays)) {
            throw new InvalidValueException(DomainErrorCode.INVALID_DELETION_WINDOW, "pending window",
                    "must be between " + window.minDays() + " and " + window.maxDays() + " days", id, state);
        }
        Duration pending = window.pendingPeriod(pendingDays);
        requireUnbound(KeyOperation.SCHEDULE_DELETION);
        if (state == KeyState.PENDING_DELETE) {
            throw refused(DomainErrorCode.KEY_ALREADY_PENDING_DELETE, KeyOperation.SCHEDULE_DELETION);
        }
        if (!policy.schedulableStates().contains(state)) {
            throw refused(DomainErrorCode.KEY_SHOULD_BE_DISABLED, KeyOperation.SCHEDULE_DELETION);
        }
        KeyState from = state;
        state = KeyState.PENDING_DELETE;
        deletionDate = at.plus(pending);
        record(KeyChange.DELETION_SCHEDULED, from, at, ChangeReason.REQUESTED,
                pendingDays + " days, on " + deletionDate);
        return deletionDate;
    }

    /** Cancels a scheduled deletion: → Disabled, or → PendingImport for an EXTERNAL key that has no material. */
    public void cancelDeletion(Instant now) {
        Instant at = prepare(now);
        if (state != KeyState.PENDING_DELETE) {
            throw refused(DomainErrorCode.KEY_NOT_PENDING_DELETE, KeyOperation.CANCEL_DELETION);
        }
        state = material == null ? KeyState.PENDING_IMPORT : KeyState.DISABLED;
        deletionDate = null;
        record(KeyChange.DELETION_CANCELLED, KeyState.PENDING_DELETE, at, ChangeReason.REQUESTED, "");
    }

    public boolean isDueForPurge(Instant now) {
        return state == KeyState.PENDING_DELETE && !now.isBefore(deletionDate);
    }

    /** Records the end of a key whose deletion date has passed; the application then removes it from storage. */
    public void purge(Instant now) {
        if (!isDueForPurge(truncate(now))) {
            throw refused(DomainErrorCode.KEY_NOT_PENDING_DELETE, KeyOperation.PURGE);
        }
        prepare(now);
        if (material != null) {
            material.erase();
            material = null;
        }
        grants.clear();
        record(KeyChange.PURGED, KeyState.PENDING_DELETE, deletionDate, ChangeReason.DELETION_DATE_REACHED, "");
    }

    // ---------------------------------------------------------------------------------------------- cloud resources

    /** Binds a cloud resource to an Enabled key. Idempotent. Cancels the material expiry. */
    public void bind(CloudResource resource, Instant now) {
        Objects.requireNonNull(resource, "resource");
        Instant at = prepare(now);
        if (state != KeyState.ENABLED) {
            throw refused(DomainErrorCode.BINDING_STATE_NOT_SUPPORTED, KeyOperation.BIND_CLOUD_RESOURCE);
        }
        if (bindings.add(resource)) {
            record(KeyChange.CLOUD_RESOURCE_BOUND, state, at, ChangeReason.REQUESTED, resource.toString());
        }
        if (materialExpiresAt != null) {
            Instant previous = materialExpiresAt;
            materialExpiresAt = null;
            record(KeyChange.MATERIAL_EXPIRY_CHANGED, state, at, ChangeReason.CLOUD_RESOURCE_BOUND,
                    "expiry " + previous + " -> never");
        }
    }

    public void unbind(CloudResource resource, Instant now) {
        Objects.requireNonNull(resource, "resource");
        Instant at = prepare(now);
        if (!bindings.remove(resource)) {
            throw new BindingNotFoundException(id, state, resource);
        }
        record(KeyChange.CLOUD_RESOURCE_UNBOUND, state, at, ChangeReason.REQUESTED, resource.toString());
    }

    // ---------------------------------------------------------------------------------------------- use

    /** AES-GCM under the key's material, with {@code context} authenticated. Only an Enabled key encrypts. */
    public byte[] encrypt(byte[] plaintext, byte[] context, Instant now, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        prepare(now);
        if (plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_PLAINTEXT, "plaintext",
                    "must be 1 to " + MAX_PLAINTEXT_BYTES + " bytes", id, state);
        }
        requireUsable(KeyOperation.ENCRYPT);
        return Ciphertext.seal(Ciphertext.Kind.DATA, id, material, plaintext, orEmpty(context), random);
    }

    /**
     * Decrypts a ciphertext this key made, data or a data key, given the same context. Only an Enabled key decrypts;
     * a ciphertext made under other material than the key holds now is refused.
     */
    public byte[] decrypt(byte[] ciphertext, byte[] context, Instant now) {
        return open(ciphertext, context, now, KeyOperation.DECRYPT);
    }

    /**
     * A new data key of {@code bytes} random bytes (1 to {@value DataKey#MAX_BYTES}), and its ciphertext under this
     * key with {@code context} authenticated. Only an Enabled key makes one.
     */
    public DataKey generateDataKey(int bytes, byte[] context, Instant now, SecureRandom random) {
        prepare(now);
        DataKey.checkLength(bytes, id, state);
        requireUsable(KeyOperation.GENERATE_DATA_KEY);
        byte[] plaintext = new byte[bytes];
        random.nextBytes(plaintext);
        return new DataKey(plaintext, Ciphertext.seal(Ciphertext.Kind.DATA_KEY, id, material, plaintext,
                orEmpty(context), random));
    }

    /** The ciphertext of a data key the caller made (1 to {@value DataKey#MAX_BYTES} bytes). Only an Enabled key. */
    public byte[] encryptDataKey(byte[] dataKey, byte[] context, Instant now, SecureRandom random) {
        Objects.requireNonNull(dataKey, "data key");
        prepare(now);
        DataKey.checkLength(dataKey.length, id, state);
        requireUsable(KeyOperation.ENCRYPT_DATA_KEY);
        return Ciphertext.seal(Ciphertext.Kind.DATA_KEY, id, material, dataKey, orEmpty(context), random);
    }

    /** The plaintext of a data key's ciphertext this key made; a ciphertext of data is refused. Only Enabled. */
    public byte[] decryptDataKey(byte[] ciphertext, byte[] context, Instant now) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (Ciphertext.kindOf(ciphertext) != Ciphertext.Kind.DATA_KEY) {
            throw new CiphertextRejectedException(DomainErrorCode.INVALID_CIPHERTEXT, id,
                    "the ciphertext holds data, not a data key");
        }
        return open(ciphertext, context, now, KeyOperation.DECRYPT_DATA_KEY);
    }

    /**
     * ReEncrypt: {@code ciphertext}, made by {@code source}, opened there with {@code sourceContext} and sealed again
     * under this key, of the same kind (a data key stays a data key), with {@code context}. Both keys must be
     * Enabled; {@code source} may be this key.
     */
    public byte[] reEncrypt(Cmk source, byte[] ciphertext, byte[] sourceContext, byte[] context, Instant now,
                            SecureRandom random) {
        Objects.requireNonNull(source, "source");
        Ciphertext.Kind kind = Ciphertext.kindOf(Objects.requireNonNull(ciphertext, "ciphertext"));
        byte[] plaintext = source.open(ciphertext, sourceContext, now, KeyOperation.RE_ENCRYPT);
        try {
            prepare(now);
            requireUsable(KeyOperation.RE_ENCRYPT);
            return Ciphertext.seal(kind, id, material, plaintext, orEmpty(context), random);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private byte[] open(byte[] ciphertext, byte[] context, Instant now, KeyOperation operation) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        prepare(now);
        requireUsable(operation);
        return Ciphertext.open(id, material, ciphertext, orEmpty(context));
    }

    private static byte[] orEmpty(byte[] context) {
        return context == null ? new byte[0] : context;
    }

    // ---------------------------------------------------------------------------------------------- reads

    public KeyId id() {
        return id;
    }

    public KeyScope scope() {
        return scope;
    }

    public Alias alias() {
        return alias;
    }

    public Description description() {
        return description;
    }

    public KeyUsage usage() {
        return usage;
    }

    public Origin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The state as of the last transition; call {@link #expireMaterialIfDue} first to read it at a given time. */
    public KeyState state() {
        return state;
    }

    public boolean hasMaterial() {
        return material != null;
    }

    /**
     * An independent copy of the material, for a store to seal: still sealed if this key holds it sealed, its bytes
     * read through {@link KeyMaterial#copyBytes(SecretAccess)}. The caller erases it.
     */
    public Optional<KeyMaterial> material() {
        requireNotDiscarded();
        return Optional.ofNullable(material).map(KeyMaterial::copy);
    }

    /** The keyed fingerprint of the first material imported, which admits only that material again; not a secret. */
    public Optional<MaterialFingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    public Optional<Instant> materialExpiresAt() {
        return Optional.ofNullable(materialExpiresAt);
    }

    public Optional<Instant> deletionDate() {
        return Optional.ofNullable(deletionDate);
    }

    public Set<CloudResource> bindings() {
        return Set.copyOf(bindings);
    }

    public List<ImportGrant> grants() {
        return List.copyOf(grants);
    }

    public long version() {
        return version;
    }

    /** The events recorded since the key was loaded or created, in order; the list is cleared. */
    public List<KeyEvent> drainEvents() {
        List<KeyEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** The key as a caller sees it at {@code now}: its material expiry applied, as every transition applies it. */
    public KeyView viewAt(Instant now) {
        expireMaterialIfDue(truncate(now));
        return view();
    }

    /** The key as of its last transition; {@link #viewAt} sees it at a given time. */
    public KeyView view() {
        return new KeyView(id, scope, alias, description, usage, origin, state, createdAt,
                Optional.ofNullable(materialExpiresAt), Optional.ofNullable(deletionDate));
    }

    /**
     * Every field, with the secrets in clear: material and wrapping private keys still sealed are opened. For the
     * in-memory store and for tests; a store that seals secrets saves through the accessors and never calls this.
     */
    public CmkSnapshot snapshot() {
        requireNotDiscarded();
        if (material != null) {
            material.open();
        }
        grants.forEach(grant -> grant.wrappingKey().privateKey());
        return new CmkSnapshot(id, scope, alias, description, usage, origin, createdAt, state, material,
                fingerprint, materialExpiresAt, deletionDate, bindings, grants, version);
    }

    /**
     * Erases the material this object holds, for a unit of work that is done with a key it loaded: the stored key is
     * untouched, and this object refuses every further transition, use and snapshot.
     */
    public void discard() {
        if (material != null) {
            material.erase();
        }
        discarded = true;
    }

    @Override
    public String toString() {
        return "Cmk[" + id + ", " + scope + ", " + origin + ", " + state + "]";
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** Every transition starts here: time at millisecond precision, expired material and grants gone. */
    private Instant prepare(Instant now) {
        Objects.requireNonNull(now, "now");
        requireNotDiscarded();
        Instant at = truncate(now);
        expireMaterialIfDue(at);
        grants.removeIf(grant -> grant.expiredAt(at));
        return at;
    }

    private ImportGrant grantFor(ImportToken token, Instant now) {
        ImportToken.Claims claims = token.claims()
                .orElseThrow(() -> importRefused(DomainErrorCode.IMPORT_TOKEN_INVALID, "the token is malformed"));
        if (!claims.keyId().equals(id)) {
            throw importRefused(DomainErrorCode.IMPORT_TOKEN_KEY_MISMATCH, "the token was issued for another key");
        }
        Optional<ImportGrant> grant = grants.stream().filter(g -> g.issued(claims)).findFirst();
        if (grant.isEmpty()) {
            // expired grants are dropped; a token that says it has expired is reported as such
            throw !now.isBefore(claims.expiresAt())
                    ? importRefused(DomainErrorCode.IMPORT_TOKEN_EXPIRED, "the token has expired")
                    : importRefused(DomainErrorCode.IMPORT_TOKEN_INVALID, "the token was not issued for this key");
        }
        return grant.get();
    }

    private void requireNotDiscarded() {
        if (discarded) {
            throw new IllegalStateException("key " + id + " was discarded by the unit of work that loaded it");
        }
    }

    private void requireExternal(KeyOperation operation) {
        if (origin != Origin.EXTERNAL) {
            throw new NotExternalKeyException(id, state, operation);
        }
    }

    private void requireUnbound(KeyOperation operation) {
        if (!bindings.isEmpty()) {
            throw new KeyInUseException(id, state, operation, bindings);
        }
    }

    private void requireUsable(KeyOperation operation) {
        switch (state) {
            case ENABLED -> {
                return;
            }
            case DISABLED -> throw refused(DomainErrorCode.KEY_DISABLED, operation);
            case PENDING_DELETE -> throw refused(DomainErrorCode.KEY_PENDING_DELETE, operation);
            case PENDING_IMPORT -> throw refused(DomainErrorCode.KEY_PENDING_IMPORT, operation);
        }
    }

    private KeyStateException refused(DomainErrorCode code, KeyOperation operation) {
        return new KeyStateException(code, id, state, operation);
    }

    private ImportRejectedException importRefused(DomainErrorCode code, String reason) {
        return new ImportRejectedException(code, id, state, reason);
    }

    private void record(KeyChange change, KeyState from, Instant at, ChangeReason reason, String detail) {
        events.add(new KeyEvent(id, change, from, state, at, reason, detail));
    }

    private static String describe(Instant expiry) {
        return expiry == null ? "never" : expiry.toString();
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static void checkInvariants(CmkSnapshot s) {
        List<String> broken = new ArrayList<>();
        boolean hasMaterial = s.hasMaterial();
        if (s.origin() == Origin.KEYPORT) {
            if (!hasMaterial) {
                broken.add("a Keyport-origin key always has material");
            }
            if (s.fingerprint() != null || s.materialExpiresAt() != null || !s.grants().isEmpty()) {
                broken.add("a Keyport-origin key has no fingerprint, expiry or import grants");
            }
        }
        if (s.state() == KeyState.PENDING_IMPORT && hasMaterial) {
            broken.add("a key pending import has no material");
        }
        if ((s.state() == KeyState.ENABLED || s.state() == KeyState.DISABLED) && !hasMaterial) {
            broken.add("an Enabled or Disabled key has material");
        }
        if (s.origin() == Origin.EXTERNAL && hasMaterial && s.fingerprint() == null) {
            broken.add("imported material has a fingerprint");
        }
        if ((s.state() == KeyState.PENDING_DELETE) != (s.deletionDate() != null)) {
            broken.add("exactly the keys pending deletion have a deletion date");
        }
        if (s.materialExpiresAt() != null && !hasMaterial) {
            broken.add("only present material has an expiry");
        }
        if (!broken.isEmpty()) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "stored key " + s.id(),
                    "breaks the aggregate's invariants: " + String.join("; ", broken));
        }
    }
}
