package com.housecall.booking;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * CONTRACT.md section 2, the rows booking-service serves. Ownership (404) is checked by the consultation code.
 * {@code /api/referrals/**} and {@code /api/fhir/**} have their own filter chains, ahead of this one, answering in
 * FHIR (referral.ReferralSecurity, referral.FhirSecurity).
 */
@Configuration
class BookingSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                // DECISIONS 37: where to call in a crisis, for anyone
                .requestMatchers(HttpMethod.GET, "/api/crisis-resources").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/consultations").hasRole(Roles.PATIENT)
                .requestMatchers(HttpMethod.GET, "/api/consultations", "/api/consultations/*")
                .hasAnyRole(Roles.PATIENT, Roles.CLINIC, Roles.CLINICIAN, Roles.OPERATOR)
                .requestMatchers(HttpMethod.POST, "/api/consultations/*/cancel")
                .hasAnyRole(Roles.PATIENT, Roles.CLINIC, Roles.OPERATOR)
                .requestMatchers(HttpMethod.POST, "/api/consultations/*/phq9", "/api/consultations/*/visits/*/cancel")
                .hasRole(Roles.PATIENT)
                .requestMatchers(HttpMethod.PUT, "/api/consultations/*/preferred-windows",
                        "/api/consultations/*/contact").hasRole(Roles.PATIENT)
                // DECISIONS 3: the owner patient or an operator moves a visit; not the clinic
                .requestMatchers(HttpMethod.POST, "/api/consultations/*/visits/*/reschedule")
                .hasAnyRole(Roles.PATIENT, Roles.OPERATOR)
                // issue 21: erasure of a patient's personal data
                .requestMatchers(HttpMethod.DELETE, "/api/consultations/*/personal-data").hasRole(Roles.OPERATOR)
                .requestMatchers("/api/consultations", "/api/consultations/**").denyAll()
                // issue 18: operators watch the partners' FHIR subscriptions
                .requestMatchers(HttpMethod.GET, "/api/subscriptions").hasRole(Roles.OPERATOR)
                .requestMatchers("/api/subscriptions", "/api/subscriptions/**").denyAll());
    }
}
