package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyport.bootstrap.fuzz.FuzzPlan.Case;
import dev.keyport.bootstrap.fuzz.FuzzPlan.Vendor;
import dev.keyport.bootstrap.fuzz.KeyZoo.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs cases one after the other: sends each, judges the answer, and compares the tenant's keys before and after.
 * Tenants of its own keep the workers' changes apart, so that a change is the change of this request. A worker has
 * two: one holds its real keys and takes every action but key creation; key creation goes to the other, so that the
 * hundreds of keys it makes do not slow down every listing.
 */
final class FuzzWorker implements FuzzPlan.Ctx {

    /** One failing request, as the report lists it. */
    record Failure(Vendor vendor, FuzzPlan.Transport transport, String action, String field, String label,
                   int status, String code, String problem) {
    }

    /** One tenant's clients and what the worker last read of its keys. */
    static final class Lane {

        final TencentClient tencent;
        final HuaweiClient huawei;
        final StoreFingerprint store;
        StoreFingerprint.Summary summary;
        Map<String, Long> versions;

        Lane(TencentClient tencent, HuaweiClient huawei, StoreFingerprint store) {
            this.tencent = tencent;
            this.huawei = huawei;
            this.store = store;
        }

        void read() {
            summary = store.summary();
            versions = store.versions();
        }
    }

    static final java.util.Set<String> CREATION = java.util.Set.of("CreateKey", "create-key");

    private final String name;
    private final Lane keys;
    private final Lane creation;
    private final TencentClient tencent;
    private final HuaweiClient huawei;
    private final StoreFingerprint store;
    private final KeyZoo zoo;
    private final Consumer<Failure> failures;
    private Vendor vendor = Vendor.TENCENT;
    private int aliases;
    private int requests;
    private int refused;
    private int changes;
    private long sendNanos;
    private long checkNanos;
    private long restoreNanos;
    private final Map<String, Integer> accepted = new java.util.TreeMap<>();
    private final Map<String, Integer> authFailures = new java.util.TreeMap<>();

    FuzzWorker(String name, Lane keys, Lane creation, Consumer<Failure> failures) {
        this.name = name;
        this.keys = keys;
        this.creation = creation;
        this.tencent = keys.tencent;
        this.huawei = keys.huawei;
        this.store = keys.store;
        this.failures = failures;
        this.zoo = new KeyZoo(new Ops(), store::key, this::uniqueAlias);
    }

    void provision() {
        zoo.provisionAll();
        keys.read();
        creation.read();
    }

    void run(List<Case> unit) {
        for (Case c : unit) {
            run(c);
        }
    }

    private void run(Case c) {
        vendor = c.vendor();
        FuzzPlan.Request request;
        try {
            request = c.request().apply(this);
        } catch (RuntimeException e) {
            failures.accept(failure(c, new Answer(0, null, true, List.of(), null), "the test could not build the "
                    + "request: " + e));
            return;
        }
        Lane lane = CREATION.contains(c.action()) ? creation : keys;
        long start = System.nanoTime();
        Answer answer = send(lane, c, request);
        long sent = System.nanoTime();
        sendNanos += sent - start;
        requests++;
        List<String> problems = new ArrayList<>(answer.problems());
        if (c.control() && answer.refused()) {
            problems.add("the valid request was refused, so this action's cases prove little");
        }
        if (c.mustReach() && answer.authenticationFailure()) {
            problems.add("refused before the action: a correctly signed request failed authentication");
        }
        if (answer.refused()) {
            refused++;
        }
        if (answer.authenticationFailure()) {
            authFailures.merge(c.vendor() + " " + c.action() + " " + c.field() + " " + c.label() + ": "
                    + answer.code(), 1, Integer::sum);
        }
        StoreFingerprint.Summary after = lane.store.summary();
        long checked = System.nanoTime();
        checkNanos += checked - sent;
        if (!after.equals(lane.summary)) {
            changes++;
            if (!answer.refused() && !c.control()) {
                accepted.merge(c.vendor() + " " + c.action() + " " + c.field(), 1, Integer::sum);
            }
            Map<String, Long> now = lane.store.versions();
            List<String> changed = StoreFingerprint.changed(lane.versions, now);
            if (answer.refused()) {
                problems.add("refused, yet the store changed: " + lane.summary.difference(after)
                        + describe(lane.store, changed, lane.versions, now));
            }
            if (lane == keys) {
                try {
                    zoo.restore(changed);
                } catch (RuntimeException e) {
                    problems.add("the test could not bring its keys back after this request: " + e.getMessage());
                }
            }
            lane.read();
            restoreNanos += System.nanoTime() - checked;
        }
        for (String problem : problems) {
            failures.accept(failure(c, answer, problem));
        }
    }

    private static Answer send(Lane lane, Case c, FuzzPlan.Request request) {
        if (request instanceof FuzzPlan.Get get) {
            return lane.tencent.get(c.action(), get.encodedPairs());
        }
        if (request instanceof FuzzPlan.Raw raw) {
            return c.vendor() == Vendor.TENCENT ? lane.tencent.raw(c.action(), raw.body(), raw.contentType())
                    : lane.huawei.post(c.action(), raw.body(), raw.contentType());
        }
        String body = ((FuzzPlan.Json) request).body();
        return c.vendor() == Vendor.TENCENT ? lane.tencent.json(c.action(), body)
                : lane.huawei.post(c.action(), body.getBytes(StandardCharsets.UTF_8), FuzzPlan.HUAWEI_CONTENT_TYPE);
    }

    private String describe(StoreFingerprint store, List<String> changed, Map<String, Long> before,
                            Map<String, Long> after) {
        StringBuilder out = new StringBuilder();
        for (String id : changed.stream().limit(4).toList()) {
            Role role = zoo.roleOf(id);
            StoreFingerprint.Key key = store.key(id);
            out.append("; key ").append(id).append(role == null ? "" : " (" + role + ")").append(' ')
                    .append(before.get(id) == null ? "created" : after.get(id) == null ? "removed"
                            : "saved v" + before.get(id) + "->v" + after.get(id))
                    .append(key == null ? "" : ", now " + key.describe());
        }
        return out.toString();
    }

    private static Failure failure(Case c, Answer answer, String problem) {
        return new Failure(c.vendor(), c.transport(), c.action(), c.field(), c.label(), answer.status(),
                answer.code(), problem);
    }

    int requests() {
        return requests;
    }

    int refused() {
        return refused;
    }

    int changes() {
        return changes;
    }

    /** Time spent sending and waiting for answers, checking the store, and bringing keys back. */
    long[] nanos() {
        return new long[] {sendNanos, checkNanos, restoreNanos};
    }

    /** Hostile requests that were accepted and changed the store, by vendor, action and field. */
    Map<String, Integer> acceptedChanges() {
        return accepted;
    }

    /** Requests the server refused as failed authentication (by design for some: a throttle would count them). */
    Map<String, Integer> authenticationFailures() {
        return authFailures;
    }

    Map<String, Integer> remade() {
        return zoo.remade();
    }

    int keysMade() {
        return zoo.provisioned();
    }

    int restores() {
        return zoo.restored();
    }

    // ----------------------------------------------------------------------------------------------- context

    @Override
    public Vendor vendor() {
        return vendor;
    }

    @Override
    public String keyIdOf(Role role) {
        return zoo.held(role).keyId();
    }

    @Override
    public KeyZoo.Held held(Role role) {
        return zoo.held(role);
    }

    @Override
    public String wrapForImport(byte[] material, String mode) {
        return zoo.wrap(material, mode);
    }

    @Override
    public long nowSeconds() {
        return Instant.now().getEpochSecond();
    }

    @Override
    public String uniqueAlias() {
        return "fz-" + name + "-" + (++aliases);
    }

    // ----------------------------------------------------------------------------------------------- set-up

    private static String json(Object... keysAndValues) {
        return FuzzPlan.obj(keysAndValues).toString();
    }

    /** Keys are set up and brought back through the Tencent API; Huawei makes the ciphertext it decrypts. */
    private final class Ops implements KeyZoo.Ops {

        @Override
        public String create(String alias, boolean external) {
            return tencent.require("CreateKey", json("Alias", alias, "Type", external ? 2 : 1)).get("KeyId")
                    .textValue();
        }

        @Override
        public void enable(String keyId) {
            tencent.require("EnableKey", json("KeyId", keyId));
        }

        @Override
        public void disable(String keyId) {
            tencent.require("DisableKey", json("KeyId", keyId));
        }

        @Override
        public void schedule(String keyId) {
            tencent.require("ScheduleKeyDeletion", json("KeyId", keyId, "PendingWindowInDays", 7));
        }

        @Override
        public void cancel(String keyId) {
            tencent.require("CancelKeyDeletion", json("KeyId", keyId));
        }

        @Override
        public String[] parameters(String keyId) {
            JsonNode r = tencent.require("GetParametersForImport", json("KeyId", keyId, "WrappingAlgorithm",
                    "RSAES_OAEP_SHA_256", "WrappingKeySpec", "RSA_2048"));
            return new String[] {r.get("ImportToken").textValue(), r.get("PublicKey").textValue()};
        }

        @Override
        public void importMaterial(String keyId, String token, String wrapped) {
            tencent.require("ImportKeyMaterial", json("KeyId", keyId, "ImportToken", token, "EncryptedKeyMaterial",
                    wrapped));
        }

        @Override
        public void deleteMaterial(String keyId) {
            tencent.require("DeleteImportedKeyMaterial", json("KeyId", keyId));
        }

        @Override
        public String encrypt(String keyId) {
            return tencent.require("Encrypt", json("KeyId", keyId, "Plaintext", "aGVsbG8=", "EncryptionContext",
                    FuzzPlan.CONTEXT)).get("CiphertextBlob").textValue();
        }

        @Override
        public void bind(String keyId, String product, String resource) {
            tencent.require("BindCloudResource", json("KeyId", keyId, "ProductId", product, "ResourceId", resource));
        }

        @Override
        public void unbind(String keyId, String product, String resource) {
            tencent.require("UnbindCloudResource", json("KeyId", keyId, "ProductId", product, "ResourceId",
                    resource));
        }

        @Override
        public String encryptWithAad(String keyId) {
            return huawei.require("encrypt-data", json("key_id", keyId, "plain_text", "hello",
                    "additional_authenticated_data", FuzzPlan.AAD)).get("cipher_text").textValue();
        }

        @Override
        public String dataKeyWithAad(String keyId) {
            return huawei.require("create-datakey", json("key_id", keyId, "datakey_length", "256",
                    "additional_authenticated_data", FuzzPlan.AAD)).get("cipher_text").textValue();
        }
    }
}
