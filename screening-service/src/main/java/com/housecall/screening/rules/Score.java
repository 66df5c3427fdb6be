package com.housecall.screening.rules;

import java.util.List;

/** A questionnaire total and its severity band (Kroenke 2001 for PHQ-9, Spitzer 2006 for GAD-7). */
public record Score(int total, String band) {

    public static Score phq9(List<Integer> items) {
        return phq9Total(sum(items));
    }

    public static Score gad7(List<Integer> items) {
        return gad7Total(sum(items));
    }

    /** The PHQ-9 band of a stored total. */
    public static Score phq9Total(int total) {
        String band = total <= 4 ? "MINIMAL" : total <= 9 ? "MILD" : total <= 14 ? "MODERATE"
                : total <= 19 ? "MODERATELY_SEVERE" : "SEVERE";
        return new Score(total, band);
    }

    /** The GAD-7 band of a stored total. */
    public static Score gad7Total(int total) {
        String band = total <= 4 ? "MINIMAL" : total <= 9 ? "MILD" : total <= 14 ? "MODERATE" : "SEVERE";
        return new Score(total, band);
    }

    private static int sum(List<Integer> items) {
        int total = 0;
        for (int item : items) {
            total += item;
        }
        return total;
    }
}
