package com.housecall.screening;

import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import com.housecall.screening.cases.BookingEventHandler;
import com.housecall.screening.intake.IntakeScreening;
import com.housecall.screening.maintenance.MaintenanceScreening;
import com.housecall.screening.rules.ClinicalRulesV1;
import com.housecall.screening.rules.MedicationTable;
import com.housecall.screening.rules.Ruleset;
import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableConfigurationProperties(ScreeningProperties.class)
class ScreeningConfiguration {

    @Bean
    Ruleset ruleset(ScreeningProperties properties) {
        return ClinicalRulesV1.ruleset(properties.thresholds(), MedicationTable.standard());
    }

    /**
     * booking.intake.v1: the only PHI topic screening reads. Each event takes its consultation's turn: a cancel on
     * booking.events.v1 handled at the same moment then either sees the screened case or leaves a tombstone it sees.
     */
    @Bean
    EventHandlers bookingIntake(Inbox inbox, ConsultationTurns turns, IntakeScreening screening,
                                            MaintenanceScreening maintenance) {
        return EventHandlers.through(inbox).inTurns(turns)
                .on(IntakeSubmitted.class, screening::screen)
                .on(Phq9Answers.class, maintenance::screen);
    }

    /** booking.events.v1: cancellations and the consultation status; other types are skipped without an inbox row. */
    @Bean
    EventHandlers bookingEvents(Inbox inbox, ConsultationTurns turns, BookingEventHandler events) {
        return events.handlers(EventHandlers.through(inbox).inTurns(turns));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, HousecallSecurity security) throws Exception {
        // CONTRACT.md section 2: the review queue, decisions and acknowledgements are for clinicians only
        return security.filterChain(http, routes -> routes
                .requestMatchers("/api/screenings/**").hasRole(Roles.CLINICIAN));
    }
}
