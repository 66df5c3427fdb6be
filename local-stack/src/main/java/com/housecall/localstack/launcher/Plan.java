package com.housecall.localstack.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Which parts {@code up} starts and in which order; in which order {@code down} stops them. */
final class Plan {

    private Plan() {
    }

    /**
     * The parts named by {@code --only} (comma-separated names or aliases; blank: all), in start order whatever the
     * order given; with development tokens without Keycloak.
     */
    static List<Part> select(String only, boolean devTokens) {
        Set<Part> named = new LinkedHashSet<>();
        if (only.isBlank()) {
            named.addAll(Arrays.stream(Part.values()).filter(p -> !p.onRequest()).toList());
        } else {
            for (String name : only.split(",")) {
                if (!name.isBlank()) {
                    named.add(Part.named(name.strip()));
                }
            }
        }
        for (Part part : named) {
            if (part.isSecond()) {
                throw new LaunchException(part.id() + " is started with --second " + part.first().id());
            }
        }
        return Arrays.stream(Part.values())
                .filter(named::contains)
                .filter(p -> !(devTokens && p == Part.KEYCLOAK))
                .toList();
    }

    /**
     * With a second instance ({@code --second}): the parts {@code --only} names (none without it: the rest of the
     * platform is expected to run), then the second instance.
     */
    static List<Part> select(String only, boolean devTokens, Optional<Part> second) {
        if (second.isEmpty()) {
            return select(only, devTokens);
        }
        List<Part> parts = new ArrayList<>(only.isBlank() ? List.of() : select(only, devTokens));
        parts.add(second.get());
        return parts;
    }

    /** With Kafka selected, every node of the cluster ({@code kafka} names all three when there are three). */
    static List<Part> withClusterNodes(List<Part> selected, List<Part> kafkaNodes) {
        if (!selected.contains(Part.KAFKA)) {
            return selected;
        }
        Set<Part> all = new LinkedHashSet<>(selected);
        all.addAll(kafkaNodes);
        return Arrays.stream(Part.values()).filter(all::contains).toList();
    }

    /** With the database proxy on, it starts before any service: they reach PostgreSQL through it. */
    static List<Part> withDatabaseProxy(List<Part> selected, boolean proxy) {
        if (!proxy || selected.stream().noneMatch(Part::isApp)) {
            return selected;
        }
        Set<Part> all = new LinkedHashSet<>(selected);
        all.add(Part.DB_PROXY);
        return Arrays.stream(Part.values()).filter(all::contains).toList();
    }

    /** The selected parts that are not running yet, in start order. */
    static List<Part> toStart(List<Part> selected, Predicate<Part> running) {
        return selected.stream().filter(running.negate()).toList();
    }

    /**
     * The order parts are launched in: Keycloak first (it takes longest and needs nothing else; it is awaited after
     * the rest of the infrastructure), then the other infrastructure one after the other, then the apps together.
     */
    static List<Part> launchOrder(Collection<Part> parts) {
        return Stream.of(
                parts.stream().filter(p -> p == Part.KEYCLOAK),
                parts.stream().filter(p -> !p.isApp() && p != Part.KEYCLOAK),
                parts.stream().filter(Part::isApp)
        ).flatMap(s -> s).toList();
    }

    /** Apps first, so they can still reach Kafka while they shut down; then the infrastructure. */
    static List<Part> stopOrder(Collection<Part> parts) {
        return Stream.concat(parts.stream().filter(Part::isApp), parts.stream().filter(p -> !p.isApp())).toList();
    }
}
