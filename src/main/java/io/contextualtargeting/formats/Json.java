package io.contextualtargeting.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the project, the same as the Quarkus Lambda runtime's: unknown
 * fields are ignored (events and Step Functions states carry more than a step reads), and times
 * are ISO-8601 text. Every layer reads this package, so the Lambda steps, the engine, the local
 * stand-ins and the formats share it; on the Lambda path the Quarkus-managed mapper is given the
 * same settings (io.contextualtargeting.functions.JsonCustomizer).
 */
public final class Json {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    /** The shared mapper: configured once, never changed afterwards, so safe between threads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The shared settings with a validator's strictness, for files Personalize itself would reject:
     * text after the value and a key given twice are errors.
     */
    public static ObjectReader strictReader() {
        return STRICT;
    }

    /** Gives {@code mapper} the shared settings; returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
