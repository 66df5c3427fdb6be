package com.housecall.localstack;

/**
 * The settings the stand-ins read when run on their own ({@code bin/housecall up}, or a container of
 * {@code deploy/local-stack.Dockerfile}).
 */
public final class Env {

    /** Where the stand-ins listen unless {@code HOUSECALL_BIND_ADDRESS} says otherwise (0.0.0.0 in the image). */
    public static final String LOOPBACK = "127.0.0.1";

    private Env() {
    }

    public static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static int port(String name, int fallback) {
        String value = get(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port: " + value, e);
        }
    }

    /** {@code HOUSECALL_BIND_ADDRESS}, loopback by default: only a container's network may widen it. */
    public static String bindAddress() {
        return get("HOUSECALL_BIND_ADDRESS", LOOPBACK);
    }
}
