package com.housecall.localstack.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of the local platform, in start order: the infrastructure first (Keycloak is launched before the others
 * and awaited after them, it takes longest), then the services and the gateway, started together. Last, the second
 * instances of the four services ({@code up --second}), which only start beside the first: their own pid file, log
 * and ports, the first's jar, module and JVM options. The second and third Kafka nodes run only in the three-broker
 * cluster ({@link KafkaCluster}).
 */
enum Part {

    KAFKA("kafka", Kind.INFRA, List.of(), new PortName("KAFKA", 9092), new PortName("KAFKA_CONTROLLER", 9093)),
    // the other two nodes of the three-broker cluster (HOUSECALL_KAFKA_BROKERS=3, KafkaCluster)
    KAFKA_2("kafka-2", Kind.INFRA, List.of(),
            new PortName("KAFKA_2", 9192), new PortName("KAFKA_2_CONTROLLER", 9193)),
    KAFKA_3("kafka-3", Kind.INFRA, List.of(),
            new PortName("KAFKA_3", 9292), new PortName("KAFKA_3_CONTROLLER", 9293)),
    MAIL_CATCHER("mail-catcher", Kind.INFRA, List.of("mail"),
            new PortName("MAIL_HTTP", 8025), new PortName("SMTP", 3025)),
    SMS_SINK("sms-sink", Kind.INFRA, List.of("sms"), new PortName("SMS", 8026)),
    // in front of PostgreSQL, only with HOUSECALL_DB_PROXY=true (Settings.databaseProxy): health on its control port
    DB_PROXY("db-proxy", Kind.INFRA, List.of(), new PortName("DB_PROXY_CONTROL", 8027), new PortName("DB_PROXY", 5442)),
    KEYCLOAK("keycloak", Kind.INFRA, List.of(),
            new PortName("KEYCLOAK", 8180), new PortName("KEYCLOAK_MANAGEMENT", 9000)),
    BOOKING("booking-service", Kind.APP, List.of("booking"),
            new PortName("BOOKING", 8081), new PortName("BOOKING_MANAGEMENT", 9181)),
    SCREENING("screening-service", Kind.APP, List.of("screening"),
            new PortName("SCREENING", 8082), new PortName("SCREENING_MANAGEMENT", 9182)),
    DISPATCH("dispatch-service", Kind.APP, List.of("dispatch"),
            new PortName("DISPATCH", 8083), new PortName("DISPATCH_MANAGEMENT", 9183)),
    NOTIFICATION("notification-service", Kind.APP, List.of("notification"),
            new PortName("NOTIFICATION", 8084), new PortName("NOTIFICATION_MANAGEMENT", 9184)),
    CONSOLE("operator-console", Kind.APP, List.of("console"),
            new PortName("CONSOLE", 8085), new PortName("CONSOLE_MANAGEMENT", 9185)),
    GATEWAY("gateway", Kind.APP, List.of(), new PortName("GATEWAY", 8080), new PortName("GATEWAY_MANAGEMENT", 9180)),
    BOOKING_2(BOOKING),
    SCREENING_2(SCREENING),
    DISPATCH_2(DISPATCH),
    NOTIFICATION_2(NOTIFICATION);

    /** A second instance listens this far above each port of the first, unless its own variable says otherwise. */
    static final int SECOND_OFFSET = 100;

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
    private final Part first;

    Part(String id, Kind kind, List<String> aliases, PortName... ports) {
        this.id = id;
        this.kind = kind;
        this.aliases = aliases;
        this.ports = List.of(ports);
        this.first = null; // first() answers this part
    }

    /** The second instance of {@code first}: {@code dispatch-service-2}, ports {@code HOUSECALL_DISPATCH_2_PORT}... */
    Part(Part first) {
        this.id = first.id + "-2";
        this.kind = Kind.APP;
        this.aliases = List.of(first.aliases.getFirst() + "-2");
        String main = first.ports.getFirst().name();
        this.ports = first.ports.stream().map(p -> new PortName(main + "_2" + p.name().substring(main.length()),
                p.fallback() + SECOND_OFFSET)).toList();
        this.first = first;
    }

    /** The name in pid files, logs and messages. */
    String id() {
        return id;
    }

    /** The app's Maven module: the first instance's id. */
    String module() {
        return first().id;
    }

    /** The first instance: this part itself unless it is a second instance. */
    Part first() {
        return first == null ? this : first;
    }

    boolean isSecond() {
        return first != null;
    }

    /** The second instance of this service, if it may have one. */
    Optional<Part> second() {
        return Arrays.stream(values()).filter(p -> p.first == this).findFirst();
    }

    /** A Kafka node: the first, or one of the two more that the three-broker cluster adds. */
    boolean isBroker() {
        return this == KAFKA || isClusterMate();
    }

    /** The second or third Kafka node, started only in the three-broker cluster. */
    boolean isClusterMate() {
        return this == KAFKA_2 || this == KAFKA_3;
    }

    /** Started only when asked: a second instance, another Kafka node, the database proxy. */
    boolean onRequest() {
        return isSecond() || isClusterMate() || this == DB_PROXY;
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
        return port(settings, ports.getFirst());
    }

    int port(Settings settings, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> port(settings, p))
                .orElseThrow(() -> new IllegalArgumentException(id + " has no port " + name));
    }

    /** Its variable, else the default; a second instance's default follows the first's port, moved or not. */
    int port(Settings settings, PortName port) {
        if (first == null) {
            return settings.port(port.name(), port.fallback());
        }
        PortName firsts = first.ports.get(ports.indexOf(port));
        return settings.port(port.name(), first.port(settings, firsts) + SECOND_OFFSET);
    }

    /** A part by its name or alias ({@code mail}, {@code booking}, {@code console}, ...). */
    static Part named(String name) {
        return Arrays.stream(values()).filter(p -> p.id.equals(name) || p.aliases.contains(name)).findFirst()
                .orElseThrow(() -> new LaunchException("unknown part '" + name + "' (" + names() + ")"));
    }

    /**
     * The first instances' names: a second instance is only started with {@code --second}, the cluster's other
     * Kafka nodes with {@code kafka}, the database proxy with {@code HOUSECALL_DB_PROXY=true}.
     */
    static String names() {
        return Arrays.stream(values()).filter(p -> !p.onRequest())
                .map(p -> p.aliases.isEmpty() ? p.id : p.aliases.getFirst()).collect(Collectors.joining(", "));
    }
}
