package com.housecall.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.benchmarks.KafkaClients;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** The dead-letter topics since a point: nothing new after a fault that should not lose events, poison otherwise. */
final class DeadLetterCheck {

    /** One record of a {@code .dlq} topic; its id is the console's ({@code topic:partition:offset}). */
    record Letter(String topic, int partition, long offset, String originalTopic, long originalOffset, String reason) {

        String id() {
            return topic + ":" + partition + ":" + offset;
        }
    }

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private final KafkaClients clients;
    private final String bootstrap;
    private final Broker broker;
    private final Console console;

    DeadLetterCheck(KafkaClients clients, String bootstrap, Broker broker, Console console) {
        this.clients = clients;
        this.bootstrap = bootstrap;
        this.broker = broker;
        this.console = console;
    }

    /** A scenario that must lose nothing: every dead letter written since {@code before} is a violation. */
    List<String> none(Map<TopicPartition, Long> before) throws InterruptedException {
        return since(before).stream().map(l -> "dead-lettered from " + l.originalTopic() + " to " + l.topic()
                + " (" + l.reason() + ")").toList();
    }

    /**
     * Each poison record in the dead-letter topic of each group that must reject it, with a reason; nothing else
     * dead-lettered; one of them replayed from the console (200, then 409 for the same one).
     */
    List<String> check(List<Poison.Sent> sent, Map<TopicPartition, Long> before)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        List<String> missing;
        List<Letter> letters;
        do {
            letters = since(before);
            missing = missing(sent, letters);
            if (!missing.isEmpty()) {
                Thread.sleep(1000); // the harness waiting for the retries and the dead-letter sends
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        List<String> violations = new ArrayList<>(missing);
        for (Letter letter : letters) {
            boolean poison = sent.stream().anyMatch(s -> isOf(letter, s));
            if (!poison) {
                violations.add("dead-lettered an event that was not poison: from " + letter.originalTopic()
                        + " to " + letter.topic() + " (" + letter.reason() + ")");
            } else if (letter.reason() == null || letter.reason().isBlank()) {
                violations.add("dead letter " + letter.id() + " carries no reason");
            }
        }
        letters.stream().filter(l -> sent.stream().anyMatch(s -> s.everyReader() && isOf(l, s))).findFirst()
                .ifPresentOrElse(l -> violations.addAll(console.replayOnce(l.id())),
                        () -> violations.add("no poison record reached a dead-letter topic to replay"));
        return violations;
    }

    private List<String> missing(List<Poison.Sent> sent, List<Letter> letters) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        for (Poison.Sent s : sent) {
            Set<String> readers = broker.readersOf(s.topic());
            if (s.everyReader()) {
                for (String group : readers) {
                    String dlq = s.topic() + "." + group + ".dlq";
                    if (letters.stream().noneMatch(l -> l.topic().equals(dlq) && isOf(l, s))) {
                        missing.add("the poison record at " + s.topic() + ":" + s.offset() + " is not in " + dlq);
                    }
                }
            } // a cut-short event: dead-lettered by the readers that decode its type; the console keeps it, data-less
        }
        return missing;
    }

    private static boolean isOf(Letter letter, Poison.Sent sent) {
        return sent.topic().equals(letter.originalTopic()) && sent.offset() == letter.originalOffset();
    }

    /** Every dead letter past {@code before} (a partition not there before: from its start). */
    List<Letter> since(Map<TopicPartition, Long> before) throws InterruptedException {
        Map<TopicPartition, Long> ends = broker.deadLetterEnds();
        List<Letter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(clients.consumer(bootstrap, "housecall-faults"))) {
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                long from = before.getOrDefault(end.getKey(), 0L);
                if (from >= end.getValue()) {
                    continue;
                }
                consumer.assign(List.of(end.getKey()));
                consumer.seek(end.getKey(), from);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (consumer.position(end.getKey()) < end.getValue() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end.getValue()) {
                            letters.add(new Letter(r.topic(), r.partition(), r.offset(), header(r, "x-original-topic"),
                                    offset(header(r, "x-original-offset")), header(r, "x-exception-message")));
                        }
                    }
                }
            }
        }
        return letters;
    }

    private static long offset(String header) {
        return header == null ? -1 : Long.parseLong(header);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
