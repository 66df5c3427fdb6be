package com.housecall.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every service's tracing and logging defaults, in one place (the gateway, which has no outbox, repeats them in
 * gateway.yml): every trace sampled, spans exported over OTLP only when {@code HOUSECALL_OTLP_ENABLED=true} (to
 * {@code HOUSECALL_OTLP_ENDPOINT}), metrics never pushed over OTLP (Prometheus scrapes them), and JSON log lines
 * (Elastic Common Schema) that carry the MDC's traceId, spanId and correlationId. Lowest precedence: a service's
 * configuration, the environment or the command line still win.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "housecallObservabilityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults()));
    }

    static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "${HOUSECALL_TRACE_SAMPLING:1.0}");
        defaults.put("management.tracing.export.otlp.enabled", "${HOUSECALL_OTLP_ENABLED:false}");
        defaults.put("management.opentelemetry.tracing.export.otlp.endpoint",
                "${HOUSECALL_OTLP_ENDPOINT:http://localhost:4318/v1/traces}");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("management.logging.export.otlp.enabled", "false");
        defaults.put("logging.structured.format.console", "${HOUSECALL_LOG_FORMAT:ecs}");
        return defaults;
    }
}
