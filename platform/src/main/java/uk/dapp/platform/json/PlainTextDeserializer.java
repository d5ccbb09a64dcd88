package uk.dapp.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import uk.dapp.platform.input.ControlCharacters;

/**
 * Every JSON string is refused when it holds a control character other than tab, line feed and
 * carriage return (which free text may hold): a NUL or an escape sequence is never data, and some
 * stores and terminals treat them as commands.
 */
final class PlainTextDeserializer extends DelegatingDeserializer {

    PlainTextDeserializer(ValueDeserializer<?> delegatee) {
        super(delegatee);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
        return new PlainTextDeserializer(delegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        return checked(p, _delegatee.deserialize(p, ctxt));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
        return checked(p, ((ValueDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue));
    }

    private static Object checked(JsonParser p, Object value) {
        if (value instanceof String text && ControlCharacters.inText(text)) {
            throw new JsonRuleException(
                    p, "ControlCharacter", "must not hold control characters other than tab and line breaks", false);
        }
        return value;
    }
}
