package uk.dapp.platform.json;

import com.fasterxml.jackson.annotation.Nulls;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON: exactly the types the contract says, nothing coerced, nothing
 * unbounded. A value of the wrong JSON type is refused (a number is not a string or a date, a
 * string is not a number or a boolean, a float is not an integer), as is a {@code null} item in an
 * array, an array longer than its maximum or with a repeated item where items are unique, a
 * control character in a string, a repeated key, and nesting deeper than {@link #MAX_NESTING_DEPTH}.
 * Each refusal is a 400 naming the field and the rule ({@code ProblemAdvice}).
 */
public final class StrictJson {

    /** Items of an array whose property states no maximum (every contract array states one). */
    public static final int DEFAULT_MAX_ITEMS = 1000;

    /** Objects and arrays within each other; no contract comes close. */
    public static final int MAX_NESTING_DEPTH = 32;

    private StrictJson() {}

    public static void configure(JsonFactoryBuilder factory) {
        factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build());
    }

    public static void configure(JsonMapper.Builder mapper) {
        mapper.enable(
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        number -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        number -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        flag -> flag.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum,
                        choice -> choice.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfigDefaults(all -> all.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail))
                // a null where an array holds its items is refused (InvalidNullException, with the item's index)
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .addModule(module());
    }

    /** The reading rules Jackson has no switch for. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("dapp-strict-json");
        // a Set of enum values would otherwise be read as an EnumSet, past the bounded reading below
        // and in the enum's order rather than the caller's (the generated models hold LinkedHashSets)
        module.addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new PlainTextDeserializer(deserializer);
                }
                if (TemporalAccessor.class.isAssignableFrom(type)) {
                    return new TextualTemporalDeserializer(deserializer);
                }
                return deserializer;
            }

            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new BoundedCollectionDeserializer(deserializer, DEFAULT_MAX_ITEMS);
            }
        });
        return module;
    }

    /** A reader with these rules and nothing else, for code and tests outside a Spring context. */
    public static JsonMapper mapper() {
        JsonFactoryBuilder factory = new JsonFactoryBuilder();
        configure(factory);
        JsonMapper.Builder builder = JsonMapper.builder(factory.build());
        configure(builder);
        return builder.build();
    }
}
