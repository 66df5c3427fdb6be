package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhiTest {

    @Test
    void aZipCodeInsideATimestampOrAnIdIsNotTheZipCode() {
        assertThat(Phi.names("\"suppressedAt\":\"2026-12-06T01:50:54.946394107Z\"", "94107")).isFalse();
        assertThat(Phi.names("\"id\":\"4cfdb859-6077-94107a-b56d\"", "94107")).isFalse();
    }

    @Test
    void theDetailItselfIsFoundWhereverItStandsAlone() {
        assertThat(Phi.names("{\"postalCode\":\"94107\"}", "94107")).isTrue();
        assertThat(Phi.names("Hello Ada, your visit", "Ada")).isTrue();
        assertThat(Phi.names("call +14155550100.", "+14155550100")).isTrue();
        assertThat(Phi.names("to ada@example.test", "ada@example.test")).isTrue();
    }
}
