package dev.keyport.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Request bodies and query strings built from a valid request with one field replaced by hostile text. */
final class Bodies {

    private static final String PLACEHOLDER = "@@keyport-fuzz@@";

    private Bodies() {
    }

    /** The field's valid value in a request, or null. Paths are dotted: {@code Tags.0.TagKey}. */
    static JsonNode valueAt(ObjectNode request, String path) {
        JsonNode node = request;
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node;
    }

    /** The request as JSON text with the field replaced by {@code json} verbatim, or left out. */
    static String withField(ObjectNode request, String path, String json) {
        ObjectNode copy = request.deepCopy();
        if (HostileValues.ABSENT.equals(json)) {
            remove(copy, path);
            return copy.toString();
        }
        put(copy, path, JsonNodeFactory.instance.textNode(PLACEHOLDER));
        return copy.toString().replace("\"" + PLACEHOLDER + "\"", json);
    }

    /** The request as bytes with the field's value replaced by raw bytes inside quotes (invalid UTF-8 and such). */
    static byte[] withRawString(ObjectNode request, String path, byte[] inside) {
        String text = withField(request, path, "\"" + PLACEHOLDER + "\"");
        int at = text.indexOf(PLACEHOLDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(inside);
        out.writeBytes(text.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = child(node, parts[i]);
            if (child == null || !child.isContainerNode()) {
                child = parts[i + 1].matches("\\d+") ? JsonNodeFactory.instance.arrayNode()
                        : JsonNodeFactory.instance.objectNode();
                set(node, parts[i], child);
            }
            node = child;
        }
        set(node, parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = child(node, parts[i]);
        }
        if (node instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        } else if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(parts[parts.length - 1]);
            if (index < array.size()) {
                array.remove(index);
            }
        }
    }

    private static JsonNode child(JsonNode node, String part) {
        return node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
    }

    private static void set(JsonNode node, String part, JsonNode value) {
        if (node instanceof ObjectNode object) {
            object.set(part, value);
        } else if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(part);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** A request's parameters as a GET carries them: {@code KeyIds.0=…}, {@code Tags.0.TagKey=…}, all strings. */
    static List<String[]> flatten(ObjectNode request) {
        List<String[]> pairs = new ArrayList<>();
        flatten("", request, pairs);
        return pairs;
    }

    private static void flatten(String prefix, JsonNode node, List<String[]> pairs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), pairs);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), pairs);
            }
        } else if (!node.isNull()) {
            pairs.add(new String[] {prefix, node.asText()});
        }
    }

    /** The pairs with the field (and whatever was under it) replaced by one encoded value, or removed. */
    static List<String[]> replaceEncoded(List<String[]> pairs, String path, String encodedValue) {
        List<String[]> encoded = new ArrayList<>();
        for (String[] pair : pairs) {
            if (!pair[0].equals(path) && !pair[0].startsWith(path + ".")) {
                encoded.add(new String[] {encode(pair[0]), encode(pair[1])});
            }
        }
        if (encodedValue != null) {
            encoded.add(new String[] {encode(path), encodedValue});
        }
        return encoded;
    }

    static List<String[]> encodeAll(List<String[]> pairs) {
        List<String[]> encoded = new ArrayList<>();
        for (String[] pair : pairs) {
            encoded.add(new String[] {encode(pair[0]), encode(pair[1])});
        }
        return encoded;
    }

    /** Form encoding, as the SDK's URLEncoder writes it. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
