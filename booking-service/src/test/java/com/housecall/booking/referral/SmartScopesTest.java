package com.housecall.booking.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmartScopesTest {

    private static final List<String> CLINIC_C = List.of("profile", "system/ServiceRequest.write", "system/Task.read");

    @Test
    void aTokenWithoutSystemScopesKeepsTheClinicRolesReach() {
        assertThat(SmartScopes.allows(List.of("profile", "email"), "POST", "/Subscription")).isTrue();
        assertThat(SmartScopes.allows(List.of(), "POST", "/Task/1/$cancel")).isTrue();
    }

    @Test
    void aSmartClientMayDoExactlyWhatItsScopesName() {
        assertThat(SmartScopes.allows(CLINIC_C, "POST", "/ServiceRequest")).isTrue();
        assertThat(SmartScopes.allows(CLINIC_C, "GET", "/Task/abc")).isTrue();
        assertThat(SmartScopes.allows(CLINIC_C, "GET", "/Task")).isTrue();
        assertThat(SmartScopes.allows(CLINIC_C, "GET", "/ServiceRequest/abc")).isFalse();
        assertThat(SmartScopes.allows(CLINIC_C, "POST", "/Task/abc/$cancel")).isFalse();
        assertThat(SmartScopes.allows(CLINIC_C, "POST", "/Subscription")).isFalse();
    }

    @Test
    void wildcardsCoverTypesAndAccess() {
        assertThat(SmartScopes.allows(List.of("system/*.read"), "GET", "/Subscription/1")).isTrue();
        assertThat(SmartScopes.allows(List.of("system/*.read"), "DELETE", "/Subscription/1")).isFalse();
        assertThat(SmartScopes.allows(List.of("system/Task.*"), "POST", "/Task/1/$cancel")).isTrue();
        assertThat(SmartScopes.allows(List.of("system/*.*"), "POST", "/Subscription")).isTrue();
    }
}
