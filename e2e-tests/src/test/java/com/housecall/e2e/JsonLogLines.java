package com.housecall.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' log lines in this JVM as the services write them when they run alone: JSON in Boot's Elastic
 * Common Schema format (the test console stays plain, logback-test.xml). Attached once the services run, since
 * each start re-reads the logging configuration.
 */
final class JsonLogLines extends AppenderBase<ILoggingEvent> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StructuredLogEncoder encoder = new StructuredLogEncoder();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    static JsonLogLines attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLogLines appender = new JsonLogLines();
        appender.setContext(context);
        appender.encoder.setContext(context);
        appender.encoder.setFormat("ecs");
        appender.encoder.start();
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), UTF_8).strip());
    }

    /** Every line so far, parsed: a line that is not JSON fails the test. */
    List<JsonNode> parsed() {
        return lines.stream().map(JSON::readTree).toList();
    }

    List<String> raw() {
        return List.copyOf(lines);
    }
}
