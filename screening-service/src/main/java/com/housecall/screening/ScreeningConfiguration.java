package com.housecall.screening;

import com.housecall.messaging.Inbox;
import com.housecall.screening.intake.IntakeScreening;
import com.housecall.screening.rules.ClinicalRulesV1;
import com.housecall.screening.rules.MedicationTable;
import com.housecall.screening.rules.Ruleset;
import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableConfigurationProperties(ScreeningProperties.class)
class ScreeningConfiguration {

    @Bean
    Ruleset ruleset(ScreeningProperties properties) {
        return ClinicalRulesV1.ruleset(properties.thresholds(), MedicationTable.standard());
    }

    /** booking.intake.v1: the only PHI topic screening reads. */
    @Bean
    Consumer<Message<byte[]>> intakes(Inbox inbox, IntakeScreening screening) {
        return message -> inbox.receive(message, screening::onEvent);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, HousecallSecurity security) throws Exception {
        // CONTRACT.md section 2: the review queue, decisions and acknowledgements are for clinicians only
        return security.filterChain(http, routes -> routes
                .requestMatchers("/api/screenings/**").hasRole(Roles.CLINICIAN));
    }
}
