package com.housecall.benchmarks;

import java.util.List;

/** The option parsing {@code bench} and {@code faults} share: an option's value, a positive number. */
public final class CommandLine {

    private CommandLine() {
    }

    /** The value after the option at {@code i - 1}; its absence explained with {@code usage}. */
    public static String value(List<String> args, int i, String usage) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value; " + usage);
        }
        return args.get(i);
    }

    public static double positive(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " must be a positive number, not '" + value + "'");
    }
}
