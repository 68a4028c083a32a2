package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /** A body is JSON: no Content-Type, or application/json with no charset but UTF-8 (else {@code KMS.0214}). */
    static void contentType(String contentType) {
        if (contentType == null) {
            return;
        }
        String[] parts = contentType.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].strip();
            String value = parameter.length == 2 ? parameter[1].strip().replace("\"", "") : "";
            json = !name.equalsIgnoreCase("charset") || value.equalsIgnoreCase("utf-8");
        }
        if (!json) {
            throw HuaweiErrors.NOT_JSON.exception("the body must be application/json in UTF-8");
        }
    }

    /** The body as a JSON object: UTF-8 without a byte-order mark, each key once per object. */
    static ObjectNode body(ObjectMapper mapper, byte[] bytes) {
        if (bytes.length == 0) {
            throw HuaweiErrors.MISSING.exception("request body");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw invalid("a byte-order mark is not allowed");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the body is not UTF-8");
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw invalid("the body is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e);
            throw duplicate == null ? HuaweiErrors.INVALID_JSON.exception()
                    : invalid("a key appears twice in one object" + duplicate);
        }
    }

    private static HuaweiException invalid(String why) {
        return HuaweiErrors.INVALID_JSON.exception(why);
    }

    /**
     * When {@code e} is Jackson's refusal of a duplicate key: " (key_id)" for a plain key name, "" for another;
     * otherwise null.
     */
    private static String duplicateKey(JsonProcessingException e) {
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
            throw HuaweiErrors.INVALID_PARAMETER.exception(field);
        } catch (JsonProcessingException e) {
            throw HuaweiErrors.INVALID_JSON.exception();
        }
    }
}
