package com.housecall.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of every topic and event type (CONTRACT.md sections 9 and 13), built from
 * {@link Topics}, {@link EventCatalog} and the JSON Schemas under {@code schemas/}: nothing here is written twice, so
 * the document cannot drift from the events. Each payload schema goes in as an AsyncAPI schema: the schemas use only
 * keywords that draft-07 (AsyncAPI's schema dialect) shares with 2020-12, less {@code $schema}.
 */
public final class AsyncApiDocument {

    public static final String VERSION = "3.0.0";
    private static final String KAFKA_BINDING = "0.5.0";
    /** 2020-12 keywords draft-07 lacks: a schema using one could not be embedded as it is. */
    private static final Set<String> LATER_KEYWORDS = Set.of("$defs", "prefixItems", "unevaluatedProperties",
            "unevaluatedItems", "dependentRequired", "dependentSchemas", "$dynamicRef", "$dynamicAnchor", "$anchor");

    private AsyncApiDocument() {
    }

    /** The document as JSON text. */
    public static String json() {
        return EventJson.MAPPER.writeValueAsString(build());
    }

    public static ObjectNode build() {
        ObjectNode document = EventJson.MAPPER.createObjectNode();
        document.put("asyncapi", VERSION);
        document.putObject("info").put("title", "Housecall events").put("version", "1.0.0").put("description", """
                CloudEvents 1.0 in Kafka binary mode: the record value is the JSON payload, the headers are \
                `ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`, `ce_subject` (the consultation id) and \
                `content-type`; the record key is the consultation id, so one consultation's events keep their order. \
                The four `*.events.v1` topics carry ids, codes and times, never PHI; the three other `booking.*` \
                topics carry PHI and have exactly one reader each. Each reading group's dead letters go to \
                `<topic>.<group>.dlq` with the original headers plus `x-original-topic`, `x-original-partition`, \
                `x-original-offset` and `x-exception-message`.""");
        document.put("defaultContentType", CloudEventHeaders.APPLICATION_JSON);
        document.putObject("servers").putObject("local").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The broker of `./bin/housecall up` (port `HOUSECALL_KAFKA_PORT`)");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            String name = EventTypes.shortName(entry.type());
            ObjectNode schema = payloadSchema(entry);
            schemas.set(name, schema);
            messages.set(name, message(entry, name, schema.path("description")));
        }
        for (String topic : Topics.ALL) {
            String channel = Topics.bindingName(topic);
            channels.set(channel, channel(topic));
            operations.set("publish" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1),
                    operation(topic, channel));
        }
        return document;
    }

    private static ObjectNode channel(String topic) {
        ObjectNode channel = EventJson.MAPPER.createObjectNode();
        channel.put("address", topic).put("title", topic).put("description", (Topics.carriesPhi(topic)
                ? "PHI: read by one service only. " : "Shared, no PHI: read by every service that needs it. ")
                + "Published by " + producer(topic) + ".");
        ObjectNode messages = channel.putObject("messages");
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            if (entry.topic().equals(topic)) {
                String name = EventTypes.shortName(entry.type());
                messages.putObject(name).put("$ref", "#/components/messages/" + name);
            }
        }
        channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING);
        return channel;
    }

    private static ObjectNode operation(String topic, String channel) {
        ObjectNode operation = EventJson.MAPPER.createObjectNode();
        operation.put("action", "send").put("summary", producer(topic) + " publishes to " + topic);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        var refs = operation.putArray("messages");
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            if (entry.topic().equals(topic)) {
                String name = EventTypes.shortName(entry.type());
                refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + name);
            }
        }
        return operation;
    }

    private static ObjectNode message(EventCatalog.Entry entry, String name, JsonNode description) {
        ObjectNode message = EventJson.MAPPER.createObjectNode();
        message.put("name", entry.type()).put("title", name).put("contentType", CloudEventHeaders.APPLICATION_JSON);
        if (description.isString()) {
            message.put("summary", description.asString());
        }
        message.set("headers", headers(entry));
        message.putObject("payload").put("$ref", "#/components/schemas/" + name);
        message.putObject("bindings").putObject("kafka").put("bindingVersion", KAFKA_BINDING)
                .putObject("key").put("type", "string").put("format", "uuid").put("description", "The consultation id");
        return message;
    }

    /** The CloudEvents headers of CONTRACT.md section 9, with this type's constants. */
    private static ObjectNode headers(EventCatalog.Entry entry) {
        ObjectNode headers = EventJson.MAPPER.createObjectNode().put("type", "object");
        headers.putArray("required").add(CloudEventHeaders.SPEC_VERSION).add(CloudEventHeaders.ID)
                .add(CloudEventHeaders.SOURCE).add(CloudEventHeaders.TYPE).add(CloudEventHeaders.TIME)
                .add(CloudEventHeaders.SUBJECT).add(CloudEventHeaders.CONTENT_TYPE);
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        properties.putObject(CloudEventHeaders.ID).put("type", "string").put("format", "uuid");
        properties.putObject(CloudEventHeaders.SOURCE).put("const", CloudEventHeaders.source(producer(entry.topic())));
        properties.putObject(CloudEventHeaders.TYPE).put("const", entry.type());
        properties.putObject(CloudEventHeaders.TIME).put("type", "string").put("format", "date-time");
        properties.putObject(CloudEventHeaders.SUBJECT).put("type", "string").put("format", "uuid")
                .put("description", "The consultation id");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("const", CloudEventHeaders.APPLICATION_JSON);
        properties.putObject("traceparent").put("type", "string")
                .put("description", "W3C trace context of the request that caused the event");
        return headers;
    }

    /** The type's JSON Schema as it is, less {@code $schema} (AsyncAPI names the dialect itself). */
    private static ObjectNode payloadSchema(EventCatalog.Entry entry) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + entry.schemaResource());
            }
            ObjectNode schema = (ObjectNode) EventJson.MAPPER.readTree(in);
            schema.remove("$schema");
            requireDraft07(schema, entry.schemaResource());
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireDraft07(JsonNode node, String resource) {
        node.properties().forEach(field -> {
            if (LATER_KEYWORDS.contains(field.getKey())) {
                throw new IllegalStateException(resource + " uses " + field.getKey() + ", which AsyncAPI 3.0 lacks");
            }
        });
        node.forEach(child -> requireDraft07(child, resource));
    }

    /** Topics are named after their producer: {@code booking.events.v1} is booking-service's. */
    static String producer(String topic) {
        return topic.substring(0, topic.indexOf('.')) + "-service";
    }
}
