package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.TimeWindow;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure in dispatch-service (issue 21): the address, first name and phone go, the visit and its status stay; the
 * sealed visit.location, delivered again after its data key was shredded, opens no more and changes nothing.
 */
class PersonalDataErasureIT extends VisitScenario {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAddressGoesAndTheVisitStays() throws Exception {
        String prefix = freshPrefix();
        addNurse("erasure-" + prefix, prefix, "");
        String nurse = nurseToken("erasure-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        assertThat(get(nurse, "/api/nurse/visits").body()).contains("1 Main St", "+14155550100");

        TestEvents.value(address(visit.consultationId(), prefix)); // its data key, as booking announced it
        TestEvents.shred(visit.consultationId());
        TestEvents.publish(new PersonalDataErased(visit.consultationId(), Instant.now()), "booking-service");

        await().atMost(Duration.ofSeconds(60)).until(() -> locations(visit.consultationId()) == 0);
        String visits = get(nurse, "/api/nurse/visits").body();
        assertThat(visits).contains(visit.visitId().toString()).doesNotContain("1 Main St", "+14155550100", "Ada");

        VisitLocation again = VisitLocation.of(new VisitRequested(visit.consultationId(), UUID.randomUUID(), 2,
                VisitPhase.INDUCTION, List.of(new TimeWindow(day.plusDays(7).atTime(9, 0).atZone(LA).toOffsetDateTime(),
                day.plusDays(7).atTime(12, 0).atZone(LA).toOffsetDateTime())), STATE, prefix, LA.getId(),
                Instant.now()),
                address(visit.consultationId(), prefix));
        TestEvents.awaitConsumed("dispatch-service",
                TestEvents.publish(again, "booking-service", UUID.randomUUID().toString()));
        assertThat(locations(visit.consultationId())).isZero();
    }

    private long locations(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM patient_location WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single();
    }
}
