package com.housecall.localstack.launcher;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
            named.addAll(Arrays.asList(Part.values()));
        } else {
            for (String name : only.split(",")) {
                if (!name.isBlank()) {
                    named.add(Part.named(name.strip()));
                }
            }
        }
        return Arrays.stream(Part.values())
                .filter(named::contains)
                .filter(p -> !(devTokens && p == Part.KEYCLOAK))
                .toList();
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
