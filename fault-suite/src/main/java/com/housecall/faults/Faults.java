package com.housecall.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's scenarios by name, in the order they run: a baseline first, for the recovery times to compare to. */
final class Faults {

    static final List<String> SERVICES = List.of("booking-service", "screening-service", "dispatch-service",
            "notification-service");
    static final Duration DATABASE_CUT = Duration.ofSeconds(10);

    private Faults() {
    }

    static Map<String, Fault> all(Stack stack, Databases databases, Duplicator duplicator, Poison poison) {
        Map<String, Fault> all = new LinkedHashMap<>();
        all.put("baseline", () -> Fault.Timing.NONE);
        for (String service : SERVICES) {
            all.put("kill-" + shortName(service), restart(stack, service, true));
        }
        for (String service : SERVICES) {
            all.put("term-" + shortName(service), restart(stack, service, false));
        }
        all.put("broker-restart", restart(stack, "kafka", false));
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
            if (wanted.isEmpty() || wanted.contains(name)) {
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

    private static String shortName(String service) {
        return service.replace("-service", "");
    }
}
