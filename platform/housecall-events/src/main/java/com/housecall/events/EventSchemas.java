package com.housecall.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Validates a payload against its type's JSON Schema; used by the contract tests of every producer. */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code json} against the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(String type, byte[] json) {
        EventCatalog.Entry entry = EventCatalog.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
        Schema schema = CACHE.computeIfAbsent(type, t -> load(entry.schemaResource()));
        JsonNode node = EventJson.MAPPER.readTree(json);
        return schema.validate(node).stream().map(Object::toString).toList();
    }

    private static Schema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + resource);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
