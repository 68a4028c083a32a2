package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson for Huawei's bodies: unknown fields are ignored, as Huawei's services do; a wrong type is refused; a key
 * that appears twice in one object is refused, so that no reader of the body can take another value than Keyport.
 */
final class Json {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([A-Za-z0-9_]{1,64})'");

    private Json() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * When {@code e} is Jackson's refusal of a duplicate key: " (key_id)" for a plain key name, "" for another;
     * otherwise null.
     */
    static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        Matcher m = DUPLICATE.matcher(message);
        return m.find() ? " (" + m.group(1) + ")" : "";
    }

    static <R> R read(ObjectMapper mapper, JsonNode body, Class<R> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "request body"
                    : e.getPath().get(0).getFieldName();
            throw HuaweiException.invalid(field);
        } catch (JsonProcessingException e) {
            throw HuaweiException.badRequest("KMS.0202", "Invalid JSON format of the request message.");
        }
    }
}
