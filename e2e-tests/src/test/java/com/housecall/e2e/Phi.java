package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a patient's details in text as whole values, not as digits that happen to sit inside an id or a timestamp:
 * "94107" is a ZIP code, but also the nanoseconds of 01:50:54.946394107Z.
 */
final class Phi {

    private Phi() {
    }

    static void assertAbsent(String text, String description, List<String> details) {
        assertThat(details).as(description).noneMatch(detail -> names(text, detail));
    }

    static boolean names(String text, String detail) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(detail) + "(?![A-Za-z0-9])").matcher(text).find();
    }
}
