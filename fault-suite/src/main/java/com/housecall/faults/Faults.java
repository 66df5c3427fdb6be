package com.housecall.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The suite's scenarios by name, in the order they run: a baseline first, for the recovery times to compare to. */
final class Faults {

    static final List<String> SERVICES = List.of("booking-service", "screening-service", "dispatch-service",
            "notification-service");
    /**
     * Run as two instances, one killed mid-load (DECISIONS 29: two of one service at a time): every service, as
     * the gateway sends HTTP requests (booking's intake, notification's SMS status callbacks) to whichever instance
     * is ready and Kafka's records go to the group's members.
     */
    static final List<String> SCALED = SERVICES;
    static final Duration DATABASE_CUT = Duration.ofSeconds(10);
    /** Run only when named ({@code --only}): CI's run is one fault at a time, the rest by hand (DECISIONS 29). */
    static final Set<String> BY_NAME_ONLY = Set.of("scale-all");

    private Faults() {
    }

    /** The broker broker-kill kills: one of the three-broker cluster's nodes, so two stay in sync (min.insync 2). */
    static final String KILLED_BROKER = "kafka-2";

    /**
     * The scenarios; broker-kill and scale-all only against the three-broker cluster
     * ({@code HOUSECALL_KAFKA_BROKERS=3}).
     */
    static Map<String, Fault> all(Stack stack, Databases databases, Duplicator duplicator, Poison poison,
                                  boolean brokerCluster) {
        Map<String, Fault> all = new LinkedHashMap<>();
        all.put("baseline", () -> Fault.Timing.NONE);
        for (String service : SERVICES) {
            all.put("kill-" + shortName(service), restart(stack, service, true));
        }
        for (String service : SERVICES) {
            all.put("term-" + shortName(service), restart(stack, service, false));
        }
        for (String service : SCALED) {
            all.put("scale-" + shortName(service), scaleOut(stack, service));
        }
        all.put("broker-restart", restart(stack, "kafka", false));
        if (brokerCluster) {
            all.put("broker-kill", brokerKill(stack));
            all.put("scale-all", scaleAll(stack));
        }
        all.put("database-cut", () -> {
            databases.cut(DATABASE_CUT);
            return Fault.Timing.NONE;
        });
        all.put("duplicates", duplicator);
        all.put("poison", poison);
        return all;
    }

    /** The named scenarios, in the suite's order; every name must be known. */
    static List<String> select(Iterable<String> known, List<String> wanted) {
        List<String> selected = new ArrayList<>();
        known.forEach(name -> {
            if (wanted.isEmpty() ? !BY_NAME_ONLY.contains(name) : wanted.contains(name)) {
                selected.add(name);
            }
        });
        List<String> unknown = wanted.stream().filter(w -> !selected.contains(w)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenario " + unknown + "; known: " + String.join(", ", known));
        }
        return selected;
    }

    /** SIGKILL ({@code kill}) or SIGTERM to one part, then {@code up --detach} at once, as an operator would. */
    private static Fault restart(Stack stack, String part, boolean kill) {
        return () -> {
            Duration exited = stack.signal(part, kill);
            return new Fault.Timing(exited, stack.up());
        };
    }

    /**
     * A second instance before the load ({@code up --second}); the first killed (kill -9) and not restarted, so the
     * second must take its partitions (static membership: after the 6 s session) and carry the load alone; once
     * checked, the first is started again and the second stopped, as the platform was.
     */
    private static Fault scaleOut(Stack stack, String service) {
        return new Fault() {
            @Override
            public void beforeLoad() throws Exception {
                stack.up("--second", shortName(service));
            }

            @Override
            public Timing inject() throws Exception {
                return new Timing(stack.signal(service, true), null);
            }

            @Override
            public List<String> check() throws Exception {
                stack.up();
                stack.signal(service + "-2", false);
                return List.of();
            }
        };
    }

    /**
     * kill -9 of one of three brokers, left down through the load and the drain: its partitions' leadership moves
     * to the other two, which stay enough to write (min.insync.replicas 2), and the clients carry on through them;
     * once checked, the broker is started again and catches up, as the cluster was.
     */
    private static Fault brokerKill(Stack stack) {
        return new Fault() {
            @Override
            public Timing inject() throws Exception {
                return new Timing(stack.signal(KILLED_BROKER, true), null);
            }

            @Override
            public List<String> check() throws Exception {
                stack.up();
                return List.of();
            }
        };
    }

    /**
     * Two of everything: a second instance of every service before the load; mid-load one broker and the first
     * instance of every service killed at once (kill -9) and left down, so the seconds and two brokers carry it all;
     * once checked, the platform as it was.
     */
    private static Fault scaleAll(Stack stack) {
        return new Fault() {
            @Override
            public void beforeLoad() throws Exception {
                for (String service : SERVICES) {
                    stack.up("--second", shortName(service));
                }
            }

            @Override
            public Timing inject() throws Exception {
                Duration slowest = stack.signal(KILLED_BROKER, true);
                for (String service : SERVICES) {
                    Duration exited = stack.signal(service, true);
                    slowest = exited.compareTo(slowest) > 0 ? exited : slowest;
                }
                return new Timing(slowest, null);
            }

            @Override
            public List<String> check() throws Exception {
                stack.up();
                for (String service : SERVICES) {
                    stack.signal(service + "-2", false);
                }
                return List.of();
            }
        };
    }

    private static String shortName(String service) {
        return service.replace("-service", "");
    }
}
