package dev.keyport.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies and setup answers, through Jackson. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A JSON object of name, value pairs (values: String, Long, Integer). */
    static byte[] object(Object... namesAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof String text) {
                node.put(name, text);
            } else if (value instanceof Long number) {
                node.put(name, number);
            } else if (value instanceof Integer number) {
                node.put(name, number);
            } else {
                throw new IllegalArgumentException("unsupported value for " + name + ": " + value);
            }
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The text at {@code path} (field names) of {@code node}; fails naming the answer when it is absent. */
    static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String name : path) {
            at = at.path(name);
        }
        if (!at.isTextual()) {
            throw new IllegalStateException("no " + String.join(".", path) + " in the answer " + node);
        }
        return at.asText();
    }
}
