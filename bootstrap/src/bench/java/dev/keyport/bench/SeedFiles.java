package dev.keyport.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Seed files for the scale section (README: Seed file): {@code n} keys with fixed ids, nearly all
 * {@code "origin":"KEYPORT","state":"Enabled"}, and {@value #EXTERNAL} EXTERNAL ones with material, written as a
 * stream so a million keys take no memory here.
 */
final class SeedFiles {

    static final int EXTERNAL = 10;

    private SeedFiles() {
    }

    /** The fixed id of seed key {@code i} of a file tagged {@code tag} (0–65535). */
    static String keyId(int tag, long i) {
        return String.format(Locale.ROOT, "5eed%04x-0000-4000-8000-%012x", tag, i);
    }

    /**
     * Writes {@code n} keys for tenant {@code dev} in {@code region}; returns the ids of the KEYPORT ones, every
     * {@code stride}-th of them (a sample spread over the whole set).
     */
    static List<String> write(Path file, int tag, long n, String region, int stride) throws IOException {
        SecureRandom random = new SecureRandom();
        List<String> sample = new ArrayList<>();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("keys");
            for (long i = 0; i < n; i++) {
                String id = keyId(tag, i);
                boolean external = i >= n - EXTERNAL;
                json.writeStartObject();
                json.writeStringField("tenant", "dev");
                json.writeStringField("region", region);
                json.writeStringField("keyId", id);
                json.writeStringField("alias", "seed-" + tag + "-" + i);
                json.writeStringField("origin", external ? "EXTERNAL" : "KEYPORT");
                json.writeStringField("state", "Enabled");
                if (external) {
                    byte[] material = new byte[32];
                    random.nextBytes(material);
                    json.writeStringField("material", Base64.getEncoder().encodeToString(material));
                } else if (i % stride == 0) {
                    sample.add(id);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return sample;
    }
}
