package com.housecall.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/housecall bench} was asked: {@code --short} (about 30 s, for CI), {@code --rate N} consultations a
 * second, {@code --duration S} seconds of sending, {@code --roster N} extra demo nurses per state (0: the roster as
 * it is); where the gateway, Keycloak and Kafka listen (the launcher's
 * {@code HOUSECALL_<PART>_PORT} and {@code HOUSECALL_KAFKA_BROKERS} variables) and where the report goes.
 */
public record Options(boolean quick, double rate, Duration duration, int rosterPerState, Duration drain, String gateway,
               String keycloak, String bootstrap, Path reports) {

    static final String USAGE = "usage: bin/housecall bench [--short] [--rate N] [--duration S] [--roster N]";

    public static Options parse(List<String> args, Map<String, String> env, Path state) {
        boolean quick = args.contains("--short");
        double rate = quick ? 5 : 50;
        long seconds = quick ? 15 : 60;
        int roster = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--short" -> { }
                case "--rate" -> rate = positive(arg, value(args, ++i));
                case "--duration" -> seconds = (long) positive(arg, value(args, ++i));
                case "--roster" -> roster = count(arg, value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        return new Options(quick, rate, Duration.ofSeconds(seconds), roster, Duration.ofSeconds(quick ? 60 : 120),
                "http://localhost:" + port(env, "GATEWAY", 8080), "http://localhost:" + port(env, "KEYCLOAK", 8180),
                bootstrap(env), state.resolve("bench"));
    }

    /** Kafka as the launcher runs it: one node, or each of three with {@code HOUSECALL_KAFKA_BROKERS=3}. */
    static String bootstrap(Map<String, String> env) {
        String first = "127.0.0.1:" + port(env, "KAFKA", 9092);
        if (!"3".equals(env.getOrDefault("HOUSECALL_KAFKA_BROKERS", "1").strip())) {
            return first;
        }
        return first + ",127.0.0.1:" + port(env, "KAFKA_2", 9192) + ",127.0.0.1:" + port(env, "KAFKA_3", 9292);
    }

    /** How many consultations the run sends: rate times duration, at least one. */
    public int count() {
        return (int) Math.max(1, Math.round(rate * duration.toSeconds()));
    }

    private static String value(List<String> args, int i) {
        return CommandLine.value(args, i, USAGE);
    }

    private static double positive(String option, String value) {
        return CommandLine.positive(option, value);
    }

    /** At most a thousand a state: 51,000 nurses, far past what dispatch's roster was built for. */
    private static int count(String option, String value) {
        double number = positive(option, value);
        if (number != Math.rint(number) || number > 1000) {
            throw new IllegalArgumentException(option + " must be a whole number from 1 to 1000, not '" + value + "'");
        }
        return (int) number;
    }

    private static int port(Map<String, String> env, String part, int fallback) {
        String value = env.get("HOUSECALL_" + part + "_PORT");
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
