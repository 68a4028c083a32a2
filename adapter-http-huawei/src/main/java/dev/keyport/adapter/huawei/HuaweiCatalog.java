package dev.keyport.adapter.huawei;

import io.vertx.core.http.HttpMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every operation of Huawei Cloud KMS (DEW) v1.0 — the 75 of the Java SDK's {@code KmsMeta} (release 3.1.212),
 * with their methods and path templates — and which of them Keyport serves. A request whose method and path match
 * an operation Keyport does not serve is answered as not implemented (see {@link HuaweiApi}); only a path that
 * matches no operation at all is the gateway's 404.
 */
final class HuaweiCatalog {

    private static final String KMS = "/v1.0/{project_id}/kms/";
    private static final String KEYSTORES = "/v1.0/{project_id}/keystores";
    private static final String V2 = "/v2/{project_id}/kms/";
    private static final Pattern VERSION_ID = Pattern.compile("^v[0-9]+(\\.[0-9]+)*$");

    /**
     * One operation of the vendor's API.
     *
     * @param sdkMethod the method of the SDK's {@code KmsClient}
     * @param label     its name in metrics and logs: the path's verb for verb-style paths ({@code create-grant}), the
     *                  SDK method in kebab case for resource-style ones ({@code list-aliases})
     * @param action    Keyport's implementation, empty when Keyport does not serve it
     */
    record Route(String sdkMethod, HttpMethod method, String template, String label,
                 Optional<HuaweiActions.Action<?>> action, List<String> segments) {

        Route(String sdkMethod, HttpMethod method, String template, String label,
              Optional<HuaweiActions.Action<?>> action) {
            this(sdkMethod, method, template, label, action,
                    template.equals("/") ? List.of() : List.of(template.substring(1).split("/", -1)));
        }

        boolean implemented() {
            return action.isPresent();
        }

        /** The index of {@code {project_id}} among the segments, or -1. */
        int projectSegment() {
            return segments().indexOf("{project_id}");
        }

        /** How many literal segments {@code path} matches, or -1 when it does not match the template. */
        int match(HuaweiPath path) {
            List<String> template = segments();
            if (template.size() != path.segments().size()) {
                return -1;
            }
            int literals = 0;
            for (int i = 0; i < template.size(); i++) {
                String expected = template.get(i);
                String actual = path.segments().get(i);
                if (expected.equals("{version_id}")) {
                    if (!VERSION_ID.matcher(actual).matches()) {
                        return -1;
                    }
                } else if (expected.startsWith("{")) {
                    if (actual.isEmpty()) {
                        return -1;
                    }
                } else if (expected.equals(actual)) {
                    literals++;
                } else {
                    return -1;
                }
            }
            return literals;
        }
    }

    /** What a method and a path resolve to. */
    sealed interface Resolution permits Found, WrongMethod, NotFound {
    }

    /** The operation this method and path name. */
    record Found(Route route) implements Resolution {
    }

    /** The path names an operation, but not with this method. */
    record WrongMethod(Route route) implements Resolution {
    }

    /** No operation of the vendor's API has this path. */
    record NotFound() implements Resolution {
    }

    static final List<Route> ALL = List.of(
            // key lifecycle
            served("createKey", KMS + "create-key"),
            served("listKeyDetail", KMS + "describe-key"),
            served("listKeys", KMS + "list-keys"),
            served("enableKey", KMS + "enable-key"),
            served("disableKey", KMS + "disable-key"),
            served("deleteKey", KMS + "schedule-key-deletion"),
            served("cancelKeyDeletion", KMS + "cancel-key-deletion"),
            // aliases and description
            served("updateKeyAlias", KMS + "update-key-alias"),
            served("updateKeyDescription", KMS + "update-key-description"),
            rest("createAlias", HttpMethod.POST, KMS + "aliases", "create-alias"),
            rest("deleteAlias", HttpMethod.DELETE, KMS + "aliases", "delete-alias"),
            rest("listAliases", HttpMethod.GET, KMS + "aliases", "list-aliases"),
            rest("associateAlias", HttpMethod.POST, KMS + "alias/associate", "associate-alias"),
            // BYOK
            served("createParametersForImport", KMS + "get-parameters-for-import"),
            served("importKeyMaterial", KMS + "import-key-material"),
            served("deleteImportedKeyMaterial", KMS + "delete-imported-key-material"),
            verb("rotateOnDemand", KMS + "rotate-on-demand"),
            // crypto
            served("encryptData", KMS + "encrypt-data"),
            served("decryptData", KMS + "decrypt-data"),
            served("reEncrypt", KMS + "re-encrypt"),
            served("createRandom", KMS + "gen-random"),
            // data keys, pairs, capsules
            served("createDatakey", KMS + "create-datakey"),
            served("createDatakeyWithoutPlaintext", KMS + "create-datakey-without-plaintext"),
            served("encryptDatakey", KMS + "encrypt-datakey"),
            served("decryptDatakey", KMS + "decrypt-datakey"),
            verb("createRsaDatakeyPair", KMS + "create-rsa-datakey-pair"),
            verb("createEcDatakeyPair", KMS + "create-ec-datakey-pair"),
            rest("createDatakeyCapsule", HttpMethod.POST, KMS + "datakey-capsule/create", "create-datakey-capsule"),
            rest("decryptDatakeyCapsule", HttpMethod.POST, KMS + "datakey-capsule/decrypt",
                    "decrypt-datakey-capsule"),
            // asymmetric
            verb("showPublicKey", KMS + "get-publickey"),
            verb("sign", KMS + "sign"),
            verb("validateSignature", KMS + "verify"),
            verb("deriveSharedSecret", KMS + "derive-shared-secret"),
            // MAC
            verb("generateMac", KMS + "generate-mac"),
            verb("verifyMac", KMS + "verify-mac"),
            // tags
            rest("createKmsTag", HttpMethod.POST, KMS + "{key_id}/tags", "create-kms-tag"),
            rest("batchCreateKmsTags", HttpMethod.POST, KMS + "{key_id}/tags/action", "batch-create-kms-tags"),
            rest("deleteTag", HttpMethod.DELETE, KMS + "{key_id}/tags/{key}", "delete-tag"),
            rest("showKmsTags", HttpMethod.GET, KMS + "{key_id}/tags", "show-kms-tags"),
            rest("listKmsTags", HttpMethod.GET, KMS + "tags", "list-kms-tags"),
            rest("listKmsByTags", HttpMethod.POST, KMS + "{resource_instances}/action", "list-kms-by-tags"),
            // grants
            verb("createGrant", KMS + "create-grant"),
            verb("listGrants", KMS + "list-grants"),
            verb("cancelGrant", KMS + "revoke-grant"),
            verb("cancelSelfGrant", KMS + "retire-grant"),
            verb("listRetirableGrants", KMS + "list-retirable-grants"),
            // rotation
            verb("enableKeyRotation", KMS + "enable-key-rotation"),
            verb("disableKeyRotation", KMS + "disable-key-rotation"),
            verb("showKeyRotationStatus", KMS + "get-key-rotation-status"),
            verb("updateKeyRotationInterval", KMS + "update-key-rotation-interval"),
            // key policies
            rest("createKeyPolicy", HttpMethod.POST, KMS + "key-policies", "create-key-policy"),
            rest("showKeyPolicy", HttpMethod.GET, KMS + "key-policies/{policy_id}", "show-key-policy"),
            rest("listKeyPolicy", HttpMethod.GET, KMS + "key-policies", "list-key-policy"),
            rest("updateKeyPolicy", HttpMethod.PUT, KMS + "key-policies/{policy_id}", "update-key-policy"),
            rest("deleteKeyPolicy", HttpMethod.DELETE, KMS + "key-policies/{policy_id}", "delete-key-policy"),
            // key stores (dedicated HSM)
            rest("createKeyStore", HttpMethod.POST, KEYSTORES, "create-key-store"),
            rest("showKeyStore", HttpMethod.GET, KEYSTORES + "/{keystore_id}", "show-key-store"),
            rest("listKeyStores", HttpMethod.GET, KEYSTORES, "list-key-stores"),
            rest("enableKeyStore", HttpMethod.POST, KEYSTORES + "/{keystore_id}/enable", "enable-key-store"),
            rest("disableKeyStore", HttpMethod.POST, KEYSTORES + "/{keystore_id}/disable", "disable-key-store"),
            rest("deleteKeyStore", HttpMethod.DELETE, KEYSTORES + "/{keystore_id}", "delete-key-store"),
            // multi-region
            rest("replicateKey", HttpMethod.POST, V2 + "keys/{key_id}/replicate", "replicate-key"),
            rest("updatePrimaryRegion", HttpMethod.PUT, V2 + "keys/{key_id}/update-primary-region",
                    "update-primary-region"),
            rest("listSupportRegions", HttpMethod.GET, V2 + "regions", "list-support-regions"),
            // access points
            rest("createAccessPoint", HttpMethod.POST, KMS + "access-points", "create-access-point"),
            rest("listAccessPoint", HttpMethod.GET, KMS + "access-points", "list-access-point"),
            rest("enableAccessPoint", HttpMethod.POST, KMS + "access-points/{access_point_id}/enable",
                    "enable-access-point"),
            rest("disableAccessPoint", HttpMethod.POST, KMS + "access-points/{access_point_id}/disable",
                    "disable-access-point"),
            rest("deleteAccessPoint", HttpMethod.DELETE, KMS + "access-points/{access_point_id}",
                    "delete-access-point"),
            rest("downloadAccessPointPrivateKey", HttpMethod.POST,
                    KMS + "access-points/{access_point_id}/get-privatekey", "download-access-point-private-key"),
            // GM level 4
            verb("createPin", KMS + "create-pin"),
            // service
            rest("showUserQuotas", HttpMethod.GET, KMS + "user-quotas", "show-user-quotas"),
            rest("showUserInstances", HttpMethod.GET, KMS + "user-instances", "show-user-instances"),
            rest("showVersions", HttpMethod.GET, "/", "show-versions"),
            rest("showVersion", HttpMethod.GET, "/{version_id}", "show-version"));

    /** The label of a request that names no operation. */
    static final String UNKNOWN = "unknown";

    static {
        Set<String> labels = new HashSet<>();
        Set<String> methodsAndPaths = new HashSet<>();
        for (Route route : ALL) {
            if (!labels.add(route.label()) || !methodsAndPaths.add(route.method() + " " + route.template())) {
                throw new IllegalStateException("the Huawei catalog names " + route.label() + " twice");
            }
        }
        if (!labels.containsAll(HuaweiActions.ALL.keySet())) {
            throw new IllegalStateException("an operation Keyport serves is missing from the Huawei catalog");
        }
    }

    private HuaweiCatalog() {
    }

    /** Resolves a method and a path: the route with the most literal segments wins, then the first listed. */
    static Resolution resolve(HttpMethod method, HuaweiPath path) {
        Route best = null;
        int bestScore = -1;
        Route other = null;
        for (Route route : ALL) {
            int score = route.match(path);
            if (score < 0) {
                continue;
            }
            if (route.method().equals(method)) {
                if (score > bestScore) {
                    best = route;
                    bestScore = score;
                }
            } else if (other == null) {
                other = route;
            }
        }
        if (best != null) {
            return new Found(best);
        }
        return other != null ? new WrongMethod(other) : new NotFound();
    }

    /** The label of every operation, and "unknown": the complete set of values a metric label can take. */
    static Set<String> labels() {
        Set<String> labels = new HashSet<>();
        ALL.forEach(route -> labels.add(route.label()));
        labels.add(UNKNOWN);
        return labels;
    }

    private static Route served(String sdkMethod, String path) {
        String label = path.substring(path.lastIndexOf('/') + 1);
        HuaweiActions.Action<?> action = HuaweiActions.ALL.get(label);
        if (action == null) {
            throw new IllegalStateException("Keyport serves no " + label);
        }
        return new Route(sdkMethod, HttpMethod.POST, path, label, Optional.of(action));
    }

    private static Route verb(String sdkMethod, String path) {
        return new Route(sdkMethod, HttpMethod.POST, path, path.substring(path.lastIndexOf('/') + 1),
                Optional.empty());
    }

    private static Route rest(String sdkMethod, HttpMethod method, String path, String label) {
        return new Route(sdkMethod, method, path, label, Optional.empty());
    }
}
