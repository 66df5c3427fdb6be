package com.housecall.faults;

import com.housecall.benchmarks.KafkaClients;
import com.housecall.benchmarks.Options;
import com.housecall.benchmarks.Pipeline;
import com.housecall.benchmarks.Terminals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * One scenario: consultations at the suite's rate, the fault {@link #FAULT_AT} into the load, then, once every
 * accepted consultation is terminal and the platform has drained, the invariants.
 */
final class ScenarioRun {

    static final Duration FAULT_AT = Duration.ofSeconds(10);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    /** What the platform needs from outside: load, broker, databases. */
    record Platform(Options options, Supplier<Pipeline> pipeline, KafkaClients clients, Broker broker,
                    Invariants invariants, DeadLetterCheck deadLetters, Drain drain) {
    }

    private final Platform platform;

    ScenarioRun(Platform platform) {
        this.platform = platform;
    }

    Outcome run(String name, Fault fault) throws Exception {
        Map<TopicPartition, Long> deadLettersBefore = platform.broker().deadLetterEnds();
        fault.beforeLoad();
        var executor = Executors.newSingleThreadExecutor();
        try (Terminals terminals = new Terminals(platform.clients(), platform.options().bootstrap())) {
            long began = System.nanoTime();
            CompletableFuture<Injected> injected = CompletableFuture.supplyAsync(() -> inject(fault, began), executor);
            Pipeline.Result load = platform.pipeline().get().run(terminals);
            Injected happened = injected.get(15, TimeUnit.MINUTES);
            fault.afterTerminal();
            Drain.State drained = platform.drain().await(DRAIN_LIMIT);
            List<String> violations = new ArrayList<>();
            if (happened.failure() != null) {
                violations.add("the fault itself failed: " + happened.failure());
            }
            if (!load.refused().isEmpty()) {
                violations.add("referrals refused after every retry: " + load.refused());
            }
            load.missing().forEach(id -> violations.add("consultation " + id + " reached no terminal status"));
            if (!drained.drained()) {
                violations.add("not drained " + DRAIN_LIMIT.toMinutes() + " min after the load: " + drained.describe());
            }
            List<String> confirmed = load.consultations().stream().filter(id -> terminals.of(id) != null
                    && terminals.of(id).type().equals(Terminals.CONFIRMED)).toList();
            violations.addAll(platform.invariants().check(load.consultations(), confirmed));
            violations.addAll(fault.deadLetters() ? List.of() : platform.deadLetters().none(deadLettersBefore));
            violations.addAll(fault.check());
            long affected = load.consultations().stream().filter(id -> terminals.of(id) == null
                    || terminals.of(id).atNanos() > happened.startedNanos()).count();
            long[] terminalAt = load.consultations().stream().map(terminals::of).filter(Objects::nonNull)
                    .mapToLong(Terminals.Terminal::atNanos).toArray();
            return new Outcome(name, load, happened.timing(), affected, happened.startedNanos() - began,
                    happened.endedNanos() - began, drained.drained() ? drained.atNanos() - began : -1,
                    longestStall(terminalAt, happened.startedNanos()), resumedAfter(terminalAt, happened.endedNanos()),
                    violations);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The longest time from the fault's start during which no consultation reached a terminal status: the gap
     * before the first terminal after it, or between two, until the last.
     */
    static long longestStall(long[] terminalAt, long faultStarted) {
        long[] after = Arrays.stream(terminalAt).filter(t -> t >= faultStarted).sorted().toArray();
        long longest = 0;
        long previous = faultStarted;
        for (long t : after) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return longest;
    }

    /**
     * From the fault's end (a restarted part healthy again) to the next consultation reaching a terminal status: how
     * long the pipeline took to flow again (-1: nothing reached one after it).
     */
    static long resumedAfter(long[] terminalAt, long faultEnded) {
        OptionalLong next = Arrays.stream(terminalAt).filter(t -> t >= faultEnded).min();
        return next.isPresent() ? next.getAsLong() - faultEnded : -1;
    }

    private record Injected(long startedNanos, long endedNanos, Fault.Timing timing, String failure) {
    }

    private static Injected inject(Fault fault, long began) {
        try {
            Thread.sleep(Math.max(0, began + FAULT_AT.toNanos() - System.nanoTime()) / 1_000_000);
            long started = System.nanoTime();
            Fault.Timing timing = fault.inject();
            return new Injected(started, System.nanoTime(), timing, null);
        } catch (Exception e) {
            long now = System.nanoTime();
            return new Injected(now, now, Fault.Timing.NONE, e.toString());
        }
    }
}
