package org.riskbudget.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON configuration of the public language, used by both services, the event store, the Kafka topic
 * and the verifier. Strict on reading, because a typo or a coerced type must never be silently accepted:
 * unknown fields, duplicate keys, numbers for strings, strings for numbers, fractions for integers and
 * numbers for enums are all refused.
 */
public final class LedgerJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private LedgerJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static <B extends JsonMapper.Builder> B configure(B builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .changeDefaultPropertyInclusion(
                        inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .withCoercionConfig(LogicalType.Textual, LedgerJson::refuseScalars)
                .addModule(new SimpleModule("ledger-instants").addDeserializer(Instant.class, new InstantText()));
        return builder;
    }

    /** Text must be written as a JSON string: {@code 12} or {@code true} where text belongs are refused. */
    private static void refuseScalars(MutableCoercionConfig coercion) {
        coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Instants only as ISO-8601 text, such as {@code "2027-01-01T00:00:00Z"}: an epoch number is ambiguous in unit. */
    private static final class InstantText extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            try {
                return IsoInstants.parse(parser.getString());
            } catch (DateTimeParseException notIso) {
                throw context.weirdStringException(parser.getString(), Instant.class,
                        "expected an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }
    }
}
