package dev.keyport.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules on which Tencent and Huawei disagree, named once, with the numbers their messages quote. The lifecycle
 * itself is the same for both; an adapter chooses its vendor's policy, and it travels with the request's caller to
 * every rule that depends on it.
 *
 * @param vendor                  a name for logs and errors
 * @param reimportRule            whether an Enabled key accepts the same material again
 * @param deletionWindow          how many days ScheduleKeyDeletion may ask for
 * @param schedulableStates       the states from which deletion may be scheduled (PendingDelete never is)
 * @param materialLengths         the material lengths, in bytes, an import accepts
 * @param aliasRule               the vendor's alias syntax and reserved names
 * @param descriptionLength       the longest description the vendor accepts, in characters
 * @param wrappingKeySpecs        the wrapping key sizes GetParametersForImport may issue
 */
public record LifecyclePolicy(String vendor, ReimportRule reimportRule, DeletionWindow deletionWindow,
                              Set<KeyState> schedulableStates, Set<Integer> materialLengths, AliasRule aliasRule,
                              int descriptionLength, Set<WrappingKeySpec> wrappingKeySpecs) {

    /**
     * For programs that embed Keyport and speak neither vendor's protocol: material is imported again only while the
     * key waits for it, deletion is 7 to 30 days away from an Enabled, Disabled or PendingImport key, material is 16
     * or 32 bytes, and aliases, descriptions and wrapping keys take what both vendors take.
     */
    public static final LifecyclePolicy NEUTRAL = new LifecyclePolicy(
            "embedded",
            ReimportRule.ONLY_WHEN_PENDING_IMPORT,
            new DeletionWindow(7, 30),
            EnumSet.of(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT),
            Set.of(KeyMaterial.AES_128_BYTES, KeyMaterial.AES_256_BYTES),
            new AliasRule(Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_/:-]{0,254}$"), List.of(), List.of()),
            Description.MAX_UTF8_BYTES,
            EnumSet.allOf(WrappingKeySpec.class));

    /** Tencent Cloud KMS 2019-01-18. */
    public static final LifecyclePolicy TENCENT = new LifecyclePolicy(
            "tencent",
            ReimportRule.SAME_MATERIAL_UPDATES_EXPIRY,
            new DeletionWindow(7, 30),
            EnumSet.of(KeyState.DISABLED, KeyState.PENDING_IMPORT),
            Set.of(KeyMaterial.AES_128_BYTES, KeyMaterial.AES_256_BYTES),
            new AliasRule(Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$"), List.of("kms-"), List.of()),
            Description.MAX_UTF8_BYTES,
            EnumSet.allOf(WrappingKeySpec.class));

    /** Huawei Cloud KMS v1.0. */
    public static final LifecyclePolicy HUAWEI = new LifecyclePolicy(
            "huawei",
            ReimportRule.ONLY_WHEN_PENDING_IMPORT,
            new DeletionWindow(7, 1096),
            EnumSet.of(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT),
            Set.of(KeyMaterial.AES_256_BYTES),
            new AliasRule(Pattern.compile("^[a-zA-Z0-9:/_-]{1,255}$"), List.of(), List.of("/default")),
            255,
            EnumSet.of(WrappingKeySpec.RSA_2048));

    public LifecyclePolicy {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(reimportRule, "reimport rule");
        Objects.requireNonNull(deletionWindow, "deletion window");
        Objects.requireNonNull(aliasRule, "alias rule");
        schedulableStates = Set.copyOf(schedulableStates);
        materialLengths = Set.copyOf(materialLengths);
        wrappingKeySpecs = Set.copyOf(wrappingKeySpecs);
        if (descriptionLength < 0 || wrappingKeySpecs.isEmpty() || materialLengths.isEmpty()) {
            throw new IllegalArgumentException("a policy allows some material, some wrapping key, a description length");
        }
        if (schedulableStates.contains(KeyState.PENDING_DELETE)) {
            throw new IllegalArgumentException("a key pending deletion cannot be scheduled for deletion again");
        }
    }
}
