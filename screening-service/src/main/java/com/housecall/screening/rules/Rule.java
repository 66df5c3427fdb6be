package com.housecall.screening.rules;

import java.util.List;

/** One rule: the reasons it finds in an intake, none when it does not match. */
@FunctionalInterface
public interface Rule {

    List<Reason> apply(Intake intake);

    /** A rule that gives one fixed reason when {@code test} holds. */
    static Rule when(java.util.function.Predicate<Intake> test, String code, Outcome outcome, String message) {
        Reason reason = Reason.of(code, outcome, message);
        return intake -> test.test(intake) ? List.of(reason) : List.of();
    }
}
