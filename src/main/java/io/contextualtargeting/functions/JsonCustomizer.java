package io.contextualtargeting.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.formats.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the Quarkus-managed ObjectMapper, which the Lambda runtime copies to read the handlers'
 * inputs and write their outputs, the project's one JSON configuration ({@link Json}).
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
