package uk.dapp.platform.json;

import jakarta.validation.constraints.Size;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.ContainerDeserializerBase;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads a JSON array into a collection, but refuses it at the first item past its maximum and at
 * the first repeated item of a set, while reading. Bean validation would check {@code @Size} only
 * once every item had been read and validated (an array of 100,000 bad items meant 100,000 errors,
 * and the heap ran out), and a set silently dropped repeats before anyone could count them.
 *
 * <p>The maximum is the property's {@code @Size(max)}, which the generated models carry from the
 * contract's {@code maxItems}; without one, {@link StrictJson#DEFAULT_MAX_ITEMS}.
 */
final class BoundedCollectionDeserializer extends DelegatingDeserializer {

    private final int maxItems;
    private final boolean unique;

    BoundedCollectionDeserializer(ValueDeserializer<?> delegatee, int maxItems) {
        super(delegatee);
        this.maxItems = maxItems;
        this.unique = Set.class.isAssignableFrom(delegatee.handledType());
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
        return new BoundedCollectionDeserializer(delegatee, maxItems);
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        int max = StrictJson.DEFAULT_MAX_ITEMS;
        Size size = property == null ? null : property.getAnnotation(Size.class);
        if (size != null && size.max() < Integer.MAX_VALUE) {
            max = size.max();
        }
        JavaType type = property != null ? property.getType() : ctxt.constructType(_delegatee.handledType());
        return new BoundedCollectionDeserializer(
                ctxt.handleSecondaryContextualization(_delegatee, property, type), max);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        ValueInstantiator instantiator =
                _delegatee instanceof ContainerDeserializerBase<?> container ? container.getValueInstantiator() : null;
        if (!p.isExpectedStartArrayToken() || instantiator == null || !instantiator.canCreateUsingDefault()) {
            // not an array (the delegate refuses it as such) or a collection only the delegate can build
            return _delegatee.deserialize(p, ctxt);
        }
        @SuppressWarnings("unchecked")
        Collection<Object> target = (Collection<Object>) instantiator.createUsingDefault(ctxt);
        return deserialize(p, ctxt, target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
        if (!p.isExpectedStartArrayToken() || !(intoValue instanceof Collection<?>)) {
            return super.deserialize(p, ctxt, intoValue);
        }
        Collection<Object> target = (Collection<Object>) intoValue;
        ((ValueDeserializer<Object>) _delegatee).deserialize(p, ctxt, new Bounded(target, p));
        return target;
    }

    /** What the delegate adds the items to: it counts and compares them as they arrive. */
    private final class Bounded extends AbstractCollection<Object> {

        private final Collection<Object> target;
        private final JsonParser parser;

        Bounded(Collection<Object> target, JsonParser parser) {
            this.target = target;
            this.parser = parser;
        }

        @Override
        public boolean add(Object item) {
            if (target.size() >= maxItems) {
                throw new JsonRuleException(parser, "Size", "at most " + maxItems + " items", true);
            }
            if (!target.add(item) && unique) {
                throw new JsonRuleException(parser, "UniqueItems", "each item may appear only once", false);
            }
            return true;
        }

        @Override
        public Iterator<Object> iterator() {
            return target.iterator();
        }

        @Override
        public int size() {
            return target.size();
        }
    }
}
