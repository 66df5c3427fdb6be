package com.housecall.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void eachTopicIsReadByTheFunctionNamedAfterIt() {
        assertThat(Topics.bindingName(Topics.BOOKING_EVENTS)).isEqualTo("bookingEvents");
        assertThat(Topics.bindingName(Topics.BOOKING_INTAKE)).isEqualTo("bookingIntake");
        assertThat(Topics.bindingName(Topics.BOOKING_LOCATIONS)).isEqualTo("bookingLocations");
        assertThat(Topics.bindingName(Topics.NOTIFICATION_EVENTS)).isEqualTo("notificationEvents");
        assertThat(Topics.ALL.stream().map(Topics::bindingName)).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void everyTopicOfTheCatalogueIsBound() {
        assertThat(Topics.ALL).containsAll(EventCatalog.ALL.stream().map(EventCatalog.Entry::topic).toList());
    }
}
