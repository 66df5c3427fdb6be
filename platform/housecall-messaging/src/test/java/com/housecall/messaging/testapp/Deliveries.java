package com.housecall.messaging.testapp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** How many times each record key reached the consumer, so tests can count retries. */
public final class Deliveries {

    private final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();

    /** Each record of a poll (the binder's batch mode: the keys in a list). */
    void record(Message<List<byte[]>> poll) {
        if (poll.getHeaders().get(KafkaHeaders.RECEIVED_KEY) instanceof List<?> keys) {
            for (Object key : keys) {
                String text = key instanceof byte[] bytes ? new String(bytes, UTF_8) : String.valueOf(key);
                byKey.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    public int of(String key) {
        AtomicInteger count = byKey.get(key);
        return count == null ? 0 : count.get();
    }
}
