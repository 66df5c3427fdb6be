package com.housecall.booking.referral;

import org.hl7.fhir.r4.model.ServiceRequest;

/** {@link ReferralFixtures} for tests of other packages. */
public final class ReferralFixturesAccess {

    private ReferralFixturesAccess() {
    }

    public static ServiceRequest referral(String identifierValue) {
        return ReferralFixtures.referral(identifierValue);
    }
}
