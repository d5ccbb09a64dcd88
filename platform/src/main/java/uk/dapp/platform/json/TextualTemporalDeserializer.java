package uk.dapp.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import uk.dapp.platform.input.ControlCharacters;

/**
 * Dates and times are read from strings only. Jackson also takes a number (days or seconds since
 * 1970) or an array of fields, so {@code "dateOfBirth": 12345} was silently stored as 2003-10-20.
 */
final class TextualTemporalDeserializer extends DelegatingDeserializer {

    TextualTemporalDeserializer(ValueDeserializer<?> delegatee) {
        super(delegatee);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
        return new TextualTemporalDeserializer(delegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        requireString(p);
        return _delegatee.deserialize(p, ctxt);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
        requireString(p);
        return ((ValueDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue);
    }

    private static void requireString(JsonParser p) {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new JsonRuleException(
                    p, "Type", "a date or time is a string in ISO 8601 form (2026-03-14, 2026-03-14T09:30:00Z)", false);
        }
        // Jackson trims a date before parsing it, and a NUL counts as space to trim
        if (ControlCharacters.inValue(p.getString())) {
            throw new JsonRuleException(p, "ControlCharacter", "must not hold control characters", false);
        }
    }
}
