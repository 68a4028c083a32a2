package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson, configured for Tencent's parameters, and the translation of its complaints into Tencent's errors. */
final class Json {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Json() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The parameters as the action's request record; unknown names and wrong types are the client's mistake. */
    static <R> R read(ObjectMapper mapper, JsonNode params, Class<R> type) {
        try {
            return mapper.treeToValue(params, type);
        } catch (UnrecognizedPropertyException e) {
            throw TencentException.unknown(e.getPropertyName());
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "request" : pathOf(e);
            throw TencentException.invalid(field, "has the wrong type");
        } catch (JsonProcessingException e) {
            throw TencentException.invalid("request", "is not valid");
        }
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return path.toString();
    }

    static boolean isObject(String text) {
        try {
            return PLAIN.readTree(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
