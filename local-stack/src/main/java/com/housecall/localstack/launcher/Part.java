package com.housecall.localstack.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parts of the local platform, in start order: the infrastructure first (Keycloak is launched before the others
 * and awaited after them, it takes longest), then the services and the gateway, started together.
 */
enum Part {

    KAFKA("kafka", Kind.INFRA, List.of(), new PortName("KAFKA", 9092), new PortName("KAFKA_CONTROLLER", 9093)),
    MAIL_CATCHER("mail-catcher", Kind.INFRA, List.of("mail"),
            new PortName("MAIL_HTTP", 8025), new PortName("SMTP", 3025)),
    SMS_SINK("sms-sink", Kind.INFRA, List.of("sms"), new PortName("SMS", 8026)),
    KEYCLOAK("keycloak", Kind.INFRA, List.of(),
            new PortName("KEYCLOAK", 8180), new PortName("KEYCLOAK_MANAGEMENT", 9000)),
    BOOKING("booking-service", Kind.APP, List.of("booking"), new PortName("BOOKING", 8081)),
    SCREENING("screening-service", Kind.APP, List.of("screening"), new PortName("SCREENING", 8082)),
    DISPATCH("dispatch-service", Kind.APP, List.of("dispatch"), new PortName("DISPATCH", 8083)),
    NOTIFICATION("notification-service", Kind.APP, List.of("notification"), new PortName("NOTIFICATION", 8084)),
    CONSOLE("operator-console", Kind.APP, List.of("console"), new PortName("CONSOLE", 8085)),
    GATEWAY("gateway", Kind.APP, List.of(), new PortName("GATEWAY", 8080));

    /** Infrastructure, or a Spring Boot app built by Maven and run as {@code java -jar}. */
    enum Kind { INFRA, APP }

    /** A port: {@code HOUSECALL_<name>_PORT}, else {@code fallback}. */
    record PortName(String name, int fallback) {

        String variable() {
            return "HOUSECALL_" + name + "_PORT";
        }
    }

    private final String id;
    private final Kind kind;
    private final List<String> aliases;
    private final List<PortName> ports;

    Part(String id, Kind kind, List<String> aliases, PortName... ports) {
        this.id = id;
        this.kind = kind;
        this.aliases = aliases;
        this.ports = List.of(ports);
    }

    /** The name in pid files, logs and messages; for an app also its Maven module. */
    String id() {
        return id;
    }

    boolean isApp() {
        return kind == Kind.APP;
    }

    /** Every port it listens on, the main one first. */
    List<PortName> ports() {
        return ports;
    }

    /** The main port: the one its health answers on (Keycloak's is on its management port). */
    int port(Settings settings) {
        return settings.port(ports.getFirst().name(), ports.getFirst().fallback());
    }

    int port(Settings settings, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> settings.port(p.name(), p.fallback()))
                .orElseThrow(() -> new IllegalArgumentException(id + " has no port " + name));
    }

    /** A part by its name or alias ({@code mail}, {@code booking}, {@code console}, ...). */
    static Part named(String name) {
        return Arrays.stream(values()).filter(p -> p.id.equals(name) || p.aliases.contains(name)).findFirst()
                .orElseThrow(() -> new LaunchException("unknown part '" + name + "' (" + names() + ")"));
    }

    static String names() {
        return Arrays.stream(values()).map(p -> p.aliases.isEmpty() ? p.id : p.aliases.getFirst())
                .collect(Collectors.joining(", "));
    }
}
