package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Form-style parameters ({@code KeyIds.0=…&Tags.0.TagKey=…}) as the JSON object a JSON request would have carried;
 * every leaf stays a string, which the request records accept for numbers too.
 *
 * <p>Each name reads one way only: segments are non-empty, at most {@value #MAX_DEPTH} deep; an array's indexes are
 * written without leading zeros and run from 0 without a gap (as every SDK writes them), so that
 * {@code KeyIds.0} and {@code KeyIds.00}, or a sparse {@code KeyIds.7}, cannot stand for the same element.
 */
final class Params {

    /** KMS's deepest parameter is {@code TagFilters.0.TagValues.0}. */
    static final int MAX_DEPTH = 6;
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,3}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Params() {
    }

    static ObjectNode unflatten(Map<String, String> flat) {
        Map<String, Object> tree = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String[] path = segments(entry.getKey());
            Map<String, Object> node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = node.computeIfAbsent(path[i], k -> new TreeMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw conflict(entry.getKey());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            if (node.putIfAbsent(path[path.length - 1], entry.getValue()) != null) {
                throw conflict(entry.getKey());
            }
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode(); // the top level is always an object
        tree.forEach((k, v) -> params.set(k, toJson(v, k)));
        return params;
    }

    private static String[] segments(String name) {
        String[] path = name.split("\\.", -1);
        if (path.length > MAX_DEPTH) {
            throw TencentException.invalid(name, "is nested deeper than any KMS parameter");
        }
        for (String segment : path) {
            if (segment.isEmpty()) {
                throw new TencentException("InvalidParameter", "The parameter name " + TencentException.quote(name)
                        + " has an empty part.");
            }
            if (DIGITS.matcher(segment).matches() && !INDEX.matcher(segment).matches()) {
                throw new TencentException("InvalidParameter", "The parameter name " + TencentException.quote(name)
                        + " has an index that is not 0 to 9999 without leading zeros.");
            }
        }
        return path;
    }

    private static TencentException conflict(String name) {
        return new TencentException("InvalidParameter", "The parameter " + TencentException.quote(name)
                + " conflicts with another parameter.");
    }

    private static JsonNode toJson(Object node, String name) {
        if (node instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node;
        if (!map.isEmpty() && map.keySet().stream().allMatch(k -> INDEX.matcher(k).matches())) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt(k), v));
            if (ordered.lastKey() != ordered.size() - 1) {
                throw new TencentException("InvalidParameter", "The array " + TencentException.quote(name)
                        + " has a gap: its indexes must run from 0 to its length - 1.");
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            ordered.forEach((k, v) -> array.add(toJson(v, name + "." + k)));
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        map.forEach((k, v) -> object.set(k, toJson(v, name + "." + k)));
        return object;
    }
}
