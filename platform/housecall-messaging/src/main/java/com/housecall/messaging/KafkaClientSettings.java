package com.housecall.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Kafka client settings of every service, in one file ({@code housecall/kafka-clients.properties}) that the
 * benchmark's bare relay reads too (DECISIONS 22): {@code producer.*} for the event producer, {@code consumer.*}
 * for the binder's consumers (lowest precedence, so a service's configuration still wins), which all consume in
 * batch mode.
 */
public class KafkaClientSettings implements EnvironmentPostProcessor {

    static final String SOURCE = "housecallKafkaClientSettings";
    private static final String FILE = "/housecall/kafka-clients.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> binder = new LinkedHashMap<>(); // lowest precedence: a service can still say otherwise
        // every consumer takes a poll at a time (EventHandlers: one transaction per poll)
        binder.put("spring.cloud.stream.default.consumer.batch-mode", true);
        // the values stay bytes (EventHandlers reads them): with application/json Spring Cloud Function tries to
        // convert each value of a batch from JSON to byte[] and silently drops it
        binder.put("spring.cloud.stream.default.content-type", "application/octet-stream");
        // in batch mode the binder also hands a failed poll to Spring Integration's error channel, whose logger
        // writes the whole exception chain, and a handler's message may quote PHI; RetryThenDeadLetter logs each
        // dead letter with a safe reason instead
        binder.put("logging.level.org.springframework.integration.handler.LoggingHandler", "off");
        consumer().forEach((name, value) ->
                binder.put("spring.cloud.stream.kafka.binder.consumer-properties." + name, value));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, binder));
    }

    static Map<String, String> producer() {
        return withPrefix("producer.");
    }

    static Map<String, String> consumer() {
        return withPrefix("consumer.");
    }

    private static Map<String, String> withPrefix(String prefix) {
        Properties file = new Properties();
        try (InputStream in = KafkaClientSettings.class.getResourceAsStream(FILE)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        file.stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted()
                .forEach(name -> settings.put(name.substring(prefix.length()), file.getProperty(name)));
        return settings;
    }
}
