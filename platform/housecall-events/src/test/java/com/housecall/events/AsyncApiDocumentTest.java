package com.housecall.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The AsyncAPI document names every topic and event type with its schema, in AsyncAPI 3.0's shape. */
class AsyncApiDocumentTest {

    private static final String KEY = "[a-zA-Z0-9.\\-_]+";
    private final JsonNode document = EventJson.MAPPER.readTree(AsyncApiDocument.json());

    @Test
    void isAsyncApi30() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.at("/info/title").asString()).isNotBlank();
        assertThat(document.at("/info/version").asString()).isNotBlank();
        for (String section : List.of("channels", "operations", "components/messages", "components/schemas")) {
            JsonNode node = document.at("/" + section);
            assertThat(node.isObject() && !node.isEmpty()).as(section).isTrue();
            node.propertyNames().forEach(key -> assertThat(key).as(section).matches(KEY));
        }
        document.path("channels").properties().forEach(channel -> {
            assertThat(channel.getValue().path("address").isString()).as(channel.getKey()).isTrue();
            assertThat(channel.getValue().path("publish").isMissingNode()).as("no 2.x verbs").isTrue();
        });
        document.path("operations").properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            assertThat(op.path("action").asString()).isIn("send", "receive");
            String channel = op.at("/channel/$ref").asString();
            assertThat(resolve(channel).isObject()).as(channel).isTrue();
            op.path("messages").forEach(message -> assertThat(message.path("$ref").asString())
                    .as("an operation's messages are its channel's").startsWith(channel + "/messages/"));
        });
        assertThat(unresolved(document)).isEmpty();
    }

    @Test
    void conformsToTheOfficialAsyncApi30Schema() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/asyncapi-3.0.0.schema.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            assertThat(schema.validate(document)).isEmpty();
        }
    }

    @Test
    void namesEveryTopicAndEveryTypeWithItsSchema() throws Exception {
        Set<String> addresses = new HashSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);

        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            String name = EventTypes.shortName(entry.type());
            JsonNode message = document.at("/components/messages/" + name);
            assertThat(message.path("name").asString()).isEqualTo(entry.type());
            assertThat(message.at("/headers/properties/ce_type/const").asString()).isEqualTo(entry.type());
            assertThat(resolve(message.at("/payload/$ref").asString())).isEqualTo(schemaOf(entry));
            assertThat(document.at("/channels/" + Topics.bindingName(entry.topic()) + "/messages/" + name + "/$ref")
                    .asString()).as(entry.type() + " on " + entry.topic()).isEqualTo("#/components/messages/" + name);
        }
        assertThat(document.path("components").path("messages").size()).isEqualTo(EventCatalog.ALL.size());
    }

    /** The schema file as it is, less the dialect line. */
    private static JsonNode schemaOf(EventCatalog.Entry entry) throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            ObjectNode schema = (ObjectNode) EventJson.MAPPER.readTree(in);
            schema.remove("$schema");
            return schema;
        }
    }

    private JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return document.at(ref.substring(1));
    }

    private List<String> unresolved(JsonNode node) {
        List<String> missing = new ArrayList<>();
        if (node.has("$ref") && resolve(node.get("$ref").asString()).isMissingNode()) {
            missing.add(node.get("$ref").asString());
        }
        node.forEach(child -> missing.addAll(unresolved(child)));
        return missing;
    }
}
