package dev.keyport.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Makes a run's keys through the API itself, as a client would: CreateKey for each, then for the EXTERNAL keys of
 * the cycle GetParametersForImport once, the material wrapped here under the issued public key (RSAES_OAEP_SHA_256:
 * OAEP with SHA-256 and MGF1-SHA-256), and ImportKeyMaterial; and one ciphertext per key for decrypt.
 */
final class Setup {

    /** How many keys of each kind. */
    record Counts(int keyport, int cycle, int parameters, int ciphertexts) {

        /**
         * {@code total} keys: a sixteenth EXTERNAL for the cycle, a sixteenth EXTERNAL pending import, the rest of
         * Keyport's own material; at least 64 of each, so that 64 workers never share a key. (Each cycle key costs
         * the setup one GetParametersForImport, an RSA key generation on the server.)
         */
        static Counts of(int total) {
            int external = Math.max(64, total / 16);
            int keyport = Math.max(64, total - 2 * external);
            return new Counts(keyport, external, external, Math.min(keyport, 256));
        }

        @Override
        public String toString() {
            return keyport + " of Keyport's own material (" + ciphertexts + " with a ciphertext for decrypt), "
                    + cycle + " EXTERNAL with material for the cycle, " + parameters + " EXTERNAL pending import "
                    + "for GetParametersForImport";
        }

        int total() {
            return keyport + cycle + parameters;
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final LoadDriver driver;
    private final SecureRandom random = new SecureRandom();

    Setup(LoadDriver driver) {
        this.driver = driver;
    }

    KeySet keys(KmsClient api, Counts counts, String aliasPrefix) throws InterruptedException {
        List<String> keyport = created(api, counts.keyport(), aliasPrefix + "k", false);
        List<String> cycleIds = created(api, counts.cycle(), aliasPrefix + "c", true);
        List<String> parameters = created(api, counts.parameters(), aliasPrefix + "p", true);
        List<KmsClient.ImportParameters> issued = answers(api, "GetParametersForImport", cycleIds.size(), 4,
                i -> api.parameters(cycleIds.get(i)), a -> api.importParameters(Json.read(a.text())));
        List<KeySet.Imported> cycle = new ArrayList<>();
        for (int i = 0; i < cycleIds.size(); i++) {
            byte[] material = new byte[32];
            random.nextBytes(material);
            cycle.add(new KeySet.Imported(cycleIds.get(i), issued.get(i).token(),
                    wrap(issued.get(i).publicKey(), material)));
        }
        answers(api, "ImportKeyMaterial", cycle.size(), 8, i -> api.importMaterial(cycle.get(i).keyId(),
                cycle.get(i).token(), cycle.get(i).wrappedMaterial()), a -> a);
        List<String> ciphertexts = answers(api, "Encrypt", counts.ciphertexts(), 8,
                i -> api.encrypt(keyport.get(i), Workload.PLAINTEXT), a -> api.ciphertext(Json.read(a.text())));
        return new KeySet(keyport, ciphertexts, cycle, parameters);
    }

    private List<String> created(KmsClient api, int n, String aliasPrefix, boolean external)
            throws InterruptedException {
        return answers(api, "CreateKey", n, 16, i -> api.create(aliasPrefix + i, external),
                a -> api.createdKeyId(Json.read(a.text())));
    }

    /** Sends request {@code i} for i in 0..n-1 and reads each answer; fails on the first error, naming them all. */
    <T> List<T> answers(KmsClient api, String what, int n, int concurrency, Function<Integer, Request> request,
                        Function<Answer, T> read) throws InterruptedException {
        List<Supplier<Call>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            calls.add(() -> api.sign(request.apply(index)));
        }
        List<Answer> answers = driver.each(api, calls, concurrency, TIMEOUT);
        Map<String, Integer> errors = new LinkedHashMap<>();
        String first = null;
        for (Answer answer : answers) {
            if (answer.error() != null) {
                errors.merge(answer.error(), 1, Integer::sum);
                first = first == null ? answer.text() : first;
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(api.name() + " setup, " + what + ": " + errors + "; first answer: "
                    + first);
        }
        return answers.stream().map(read).toList();
    }

    /** RSAES_OAEP_SHA_256 of {@code material} under a base64 X.509 public key, base64. */
    static String wrap(String publicKeyBase64, byte[] material) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(publicKeyBase64)));
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            return Base64.getEncoder().encodeToString(cipher.doFinal(material));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap under the issued public key", e);
        }
    }
}
