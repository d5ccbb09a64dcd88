package uk.dapp.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of every case event, from the sender's record to the stored payload to the
 * receiver's generated event: absent (null) fields are left out, never sent as null, and a field the
 * target does not know fails the conversion (a payload and its contract that drifted apart is a defect
 * to see, not to send). Dates and times are ISO-8601 text.
 */
public final class CaseEventJson {

    /** Also the generated clients' mapper for every delivery, so all of them treat absent fields alike. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.USE_LONG_FOR_INTS)
            .addModule(new JsonNullableJackson3Module())
            .build();

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    private CaseEventJson() {}

    /** The record as stored in an outbox entry: plain values (text, numbers, booleans, lists, maps). */
    public static Map<String, Object> toPayload(CaseEvent event) {
        return MAPPER.convertValue(event, PAYLOAD);
    }

    /** A stored payload as the given type: the sender's record, or the receiver's generated event. */
    public static <T> T fromPayload(Map<String, Object> payload, Class<T> type) {
        return MAPPER.convertValue(payload, type);
    }
}
