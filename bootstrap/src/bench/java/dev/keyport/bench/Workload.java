package dev.keyport.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of traffic for a segment: the request of each step of a unit of work on key slot {@code key}. A unit is
 * one request, or two for the pairs (disable then enable, delete then import), sent in order on the same key. Key
 * slots are spread over the workers so that two workers never work on the same key at once.
 */
final class Workload {

    /** The request of step {@code step} of a unit on key slot {@code key} (0 when the workload has no keys). */
    interface Maker {
        Call call(int key, int step);
    }

    static final byte[] PLAINTEXT = "Keyport benchmark plaintext: 64 bytes of ASCII text, no secrets."
            .getBytes(StandardCharsets.US_ASCII);

    private final String label;
    private final Op op;
    private final Target target;
    private final int keys;
    private final int steps;
    private final Maker maker;

    /** @param op the operation measured, null for the floor and the mixed writes */
    Workload(String label, Op op, Target target, int keys, int steps, Maker maker) {
        this.label = label;
        this.op = op;
        this.target = target;
        this.keys = keys;
        this.steps = steps;
        this.maker = maker;
    }

    String label() {
        return label;
    }

    Op op() {
        return op;
    }

    Target target() {
        return target;
    }

    /** Key slots; 0 for a workload without keys (CreateKey, listing, /healthz). */
    int keys() {
        return keys;
    }

    int steps() {
        return steps;
    }

    Call call(int key, int step) {
        return maker.call(key, step);
    }

    /** {@code op} of {@code api} over {@code keys}; CreateKey names its keys {@code aliasPrefix} + a number. */
    static Workload of(KmsClient api, KeySet keys, Op op, String aliasPrefix) {
        String label = api.label(op);
        return switch (op) {
            case DESCRIBE -> single(label, op, api, keys.keyport().stream().map(api::describe).toList());
            case ENCRYPT -> single(label, op, api, keys.keyport().stream().map(id -> api.encrypt(id, PLAINTEXT))
                    .toList());
            case DATA_KEY -> single(label, op, api, keys.keyport().stream().map(api::dataKey).toList());
            case DECRYPT -> single(label, op, api, keys.ciphertexts().stream().map(api::decrypt).toList());
            case DISABLE_ENABLE -> pairs(label, op, api, keys.keyport().stream()
                    .map(id -> new Request[] {api.disable(id), api.enable(id)}).toList());
            case CYCLE -> pairs(label, op, api, keys.cycle().stream().map(k -> new Request[] {
                api.deleteMaterial(k.keyId()), api.importMaterial(k.keyId(), k.token(), k.wrappedMaterial())})
                    .toList());
            case GET_PARAMETERS -> single(label, op, api, keys.parameters().stream().map(api::parameters).toList());
            case LIST -> {
                Request list = api.list();
                yield new Workload(label, op, api, 0, 1, (key, step) -> api.sign(list));
            }
            case CREATE -> {
                AtomicLong created = new AtomicLong();
                yield new Workload(label, op, api, 0, 1, (key, step) -> api.sign(api.create(aliasPrefix
                        + created.incrementAndGet(), false)));
            }
        };
    }

    /**
     * The sustained mixed writes of the disk measurement: disable + enable on the first {@code toggled} keyport keys
     * and the delete + import cycle on every cycle key, each slot one or the other.
     */
    static Workload mixedWrites(KmsClient api, KeySet keys, int toggled) {
        List<Request[]> units = new java.util.ArrayList<>();
        keys.keyport().stream().limit(toggled).forEach(id -> units.add(new Request[] {api.disable(id),
            api.enable(id)}));
        keys.cycle().forEach(k -> units.add(new Request[] {api.deleteMaterial(k.keyId()),
            api.importMaterial(k.keyId(), k.token(), k.wrappedMaterial())}));
        return pairs("mixed writes (" + api.label(Op.DISABLE_ENABLE) + ", " + api.label(Op.CYCLE) + ")", null,
                api, units);
    }

    private static Workload single(String label, Op op, KmsClient api, List<Request> requests) {
        Request[] byKey = requests.toArray(Request[]::new);
        return new Workload(label, op, api, byKey.length, 1, (key, step) -> api.sign(byKey[key]));
    }

    private static Workload pairs(String label, Op op, KmsClient api, List<Request[]> requests) {
        Request[][] byKey = requests.toArray(Request[][]::new);
        return new Workload(label, op, api, byKey.length, 2, (key, step) -> api.sign(byKey[key][step]));
    }
}
