package com.housecall.faults;

import com.housecall.benchmarks.CommandLine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What {@code bin/housecall faults} was asked: which scenarios, at what rate, how many consultations each. */
record SuiteOptions(List<String> only, double rate, int consultations, Duration budget, int rosterPerState) {

    static final String USAGE = "usage: bin/housecall faults [--only SCENARIO,...] [--rate N] [--consultations N] "
            + "[--budget MINUTES] [--roster N]";
    /**
     * Extra nurses a state before the first scenario: the demo roster (two a state) is booked up after about a
     * thousand consultations, and every scenario after that would confirm nothing, leaving the double-booking and
     * one-confirmation-per-channel invariants with nothing to check.
     */
    static final int ROSTER = 12;

    /**
     * DECISIONS 29 and the issue: 20 a second, 500 consultations in flight per scenario; no scenario starts after
     * the budget (50 minutes: CI's whole run must stay under 90).
     */
    static SuiteOptions parse(List<String> args) {
        List<String> only = List.of();
        double rate = 20;
        int consultations = 500;
        long budgetMinutes = 50;
        int roster = ROSTER;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--only" -> only = Arrays.stream(value(args, ++i).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                case "--rate" -> rate = positive(arg, value(args, ++i));
                case "--consultations" -> consultations = (int) positive(arg, value(args, ++i));
                case "--budget" -> budgetMinutes = (long) positive(arg, value(args, ++i));
                case "--roster" -> roster = (int) positive(arg, value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        return new SuiteOptions(only, rate, consultations, Duration.ofMinutes(budgetMinutes), roster);
    }

    private static String value(List<String> args, int i) {
        return CommandLine.value(args, i, USAGE);
    }

    private static double positive(String option, String value) {
        return CommandLine.positive(option, value);
    }
}
