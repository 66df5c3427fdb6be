package com.housecall.messaging;

import com.housecall.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Binds each consumer function to the topic it is named after ({@link Topics#bindingName}): a service's
 * configuration lists its functions in {@code spring.cloud.function.definition} and never names a topic. Lowest
 * precedence, so a binding set by hand still wins.
 */
public class TopicBindings implements EnvironmentPostProcessor {

    static final String SOURCE = "housecallTopicBindings";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            bindings.put("spring.cloud.stream.bindings." + Topics.bindingName(topic) + "-in-0.destination", topic);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, bindings));
    }
}
