package com.housecall.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The platform's own Kafka client settings ({@code housecall/kafka-clients.properties} of housecall-messaging,
 * copied onto this module's classpath at build time), so the bare relay runs as the services' clients do.
 */
public final class KafkaClients {

    private final Map<String, String> producer = new TreeMap<>();
    private final Map<String, String> consumer = new TreeMap<>();

    public KafkaClients() {
        Properties file = new Properties();
        try (InputStream in = KafkaClients.class.getResourceAsStream("/housecall/kafka-clients.properties")) {
            if (in == null) {
                throw new IllegalStateException("housecall/kafka-clients.properties is not on the classpath");
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.stringPropertyNames().forEach(name -> {
            if (name.startsWith("producer.")) {
                producer.put(name.substring("producer.".length()), file.getProperty(name));
            } else if (name.startsWith("consumer.")) {
                consumer.put(name.substring("consumer.".length()), file.getProperty(name));
            }
        });
    }

    public Properties producer(String bootstrap) {
        Properties props = new Properties();
        props.putAll(producer);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** A consumer as the binder makes one: offsets committed by the application, not automatically. */
    public Properties consumer(String bootstrap, String group) {
        Properties props = new Properties();
        props.putAll(consumer);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** The settings as the report shows them. */
    String json() {
        return "{\"producer\": %s, \"consumer\": %s}".formatted(Json.object(producer), Json.object(consumer));
    }
}
