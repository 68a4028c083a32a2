package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Jackson, configured for Tencent's parameters, and the translation of its complaints into Tencent's errors.
 *
 * <p>A JSON body has one reading: it is UTF-8 without a byte-order mark (Tencent reads every request as UTF-8;
 * Jackson, given bytes, would also guess UTF-16 and UTF-32, which a proxy or a log reading UTF-8 would not see),
 * and a field named twice anywhere in it is refused ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}), where
 * Jackson would otherwise keep the last value and a reader the first.
 */
final class Json {

    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The body of a JSON request as its object of parameters; an empty body is an empty object. */
    static ObjectNode body(ObjectMapper mapper, byte[] bytes) {
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw TencentErrors.invalid("request body", "is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            throw TencentErrors.invalid("request body", "starts with a byte-order mark; send UTF-8 without one");
        }
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (JsonParseException e) {
            throw duplicate(e) ? TencentErrors.invalid("request body", "names a field more than once")
                    : TencentErrors.invalid("request body", "is not valid JSON");
        } catch (JsonProcessingException e) {
            throw TencentErrors.invalid("request body", "is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw TencentErrors.invalid("request body", "is not a JSON object");
        }
        return (ObjectNode) body;
    }

    private static boolean duplicate(JsonParseException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Duplicate field");
    }

    /** The parameters as the action's request record; unknown names and wrong types are the client's mistake. */
    static <R> R read(ObjectMapper mapper, JsonNode params, Class<R> type) {
        try {
            return mapper.treeToValue(params, type);
        } catch (UnrecognizedPropertyException e) {
            throw TencentErrors.unknown(e.getPropertyName());
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "request" : pathOf(e);
            throw TencentErrors.invalid(field, "has the wrong type");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw TencentErrors.invalid("request", "is not valid");
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

    /** Whether {@code text} is one JSON object, no field named twice. */
    static boolean isObject(String text) {
        try {
            JsonNode node = PLAIN.readTree(text);
            return node != null && node.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
