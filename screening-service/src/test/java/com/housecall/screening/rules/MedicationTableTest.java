package com.housecall.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MedicationTableTest {

    static final MedicationTable TABLE = MedicationTable.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "XANAX 0.5mg tab|alprazolam",
            "alprazolam|alprazolam",
            "oxycodone/acetaminophen|oxycodone",
            "Percocet 5/325|oxycodone",
            "Theo-24 300 mg|theophylline",
            "dilaudid 2mg|hydromorphone",
            "hydromorphone|hydromorphone",
            "Gabapentin 300MG capsule|gabapentin",
            "Suboxone film 8-2|buprenorphine"})
    void matchesGenericAndBrandNamesAsTyped(String typed, String generic) {
        assertThat(TABLE.match(typed)).hasValueSatisfying(m -> assertThat(m.generic()).isEqualTo(generic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sertraline 100 mg", "morphin", "xanaxx", "vitamin D", "", "methadonee"})
    void unknownOrMisspelledNamesDoNotMatch(String typed) {
        assertThat(TABLE.match(typed)).isEmpty();
    }
}
