package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson for Huawei's bodies: unknown fields are ignored, as Huawei's services do; a wrong type is refused. */
final class Json {

    private Json() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static <R> R read(ObjectMapper mapper, JsonNode body, Class<R> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "request body" : e.getPath().get(0).getFieldName();
            throw HuaweiException.invalid(field);
        } catch (JsonProcessingException e) {
            throw HuaweiException.badRequest("KMS.0202", "Invalid JSON format of the request message.");
        }
    }
}
