package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Form-style parameters ({@code KeyIds.0=…&Tags.0.TagKey=…}) as the JSON object a JSON request would have carried;
 * every leaf stays a string, which the request records accept for numbers too.
 */
final class Params {

    private Params() {
    }

    static ObjectNode unflatten(Map<String, String> flat) {
        Map<String, Object> tree = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String[] path = entry.getKey().split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = node.computeIfAbsent(path[i], k -> new TreeMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw TencentException.invalid(entry.getKey(), "conflicts with another parameter");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            if (node.putIfAbsent(path[path.length - 1], entry.getValue()) != null) {
                throw TencentException.invalid(entry.getKey(), "conflicts with another parameter");
            }
        }
        return (ObjectNode) toJson(tree);
    }

    private static JsonNode toJson(Object node) {
        if (node instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node;
        if (!map.isEmpty() && map.keySet().stream().allMatch(k -> k.matches("\\d{1,4}"))) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt(k), v));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            ordered.values().forEach(v -> array.add(toJson(v)));
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        map.forEach((k, v) -> object.set(k, toJson(v)));
        return object;
    }
}
