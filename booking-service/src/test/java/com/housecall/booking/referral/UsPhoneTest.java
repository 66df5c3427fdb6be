package com.housecall.booking.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsPhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-0100", "415-555-0100", "415.555.0100", "4155550100", "1 415 555 0100",
            "1-415-555-0100", "+1 (415) 555-0100", "+14155550100", "tel:+1-415-555-0100", " 415 555 0100 "})
    void usNumbersInAnyUsualFormBecomeE164(String written) {
        assertThat(UsPhone.toE164(written)).isEqualTo("+14155550100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-0100", "(015) 555-0100", "415-155-0100", "call me", "415-555-0100 x12",
            "+1 415 555 01", "2 415 555 0100"})
    void anythingElseIsLeftForValidationToRefuse(String written) {
        assertThat(UsPhone.toE164(written)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+44 (20) 7946-0958"})
    void internationalNumbersWithAPlusKeepTheirDigits(String written) {
        assertThat(UsPhone.toE164(written)).isEqualTo("+442079460958");
    }
}
