package com.housecall.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A poll as the binder's batch mode hands it over (one message: the values in a list, each record's headers in
 * {@code kafka_batchConvertedHeaders}, the topics in {@code kafka_receivedTopic}) back into one message per
 * record, as {@link InboundEvent#from} reads them.
 */
final class PolledRecords {

    private PolledRecords() {
    }

    static List<Message<byte[]>> of(Message<List<byte[]>> poll) {
        MessageHeaders headers = poll.getHeaders();
        List<byte[]> values = poll.getPayload();
        List<?> recordHeaders = listOrEmpty(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<?> topics = listOrEmpty(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        List<Message<byte[]>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(values.get(i));
            if (i < recordHeaders.size() && recordHeaders.get(i) instanceof Map<?, ?> map) {
                Map<String, Object> named = new HashMap<>();
                map.forEach((name, value) -> named.put(String.valueOf(name), value));
                record.copyHeaders(named); // not id and timestamp: each message has its own
            }
            if (i < topics.size()) {
                record.setHeader(KafkaHeaders.RECEIVED_TOPIC, topics.get(i));
            }
            records.add(record.build());
        }
        return records;
    }

    private static List<?> listOrEmpty(Object header) {
        return header instanceof List<?> list ? list : List.of();
    }
}
