package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The instance part of each consumer's group.instance.id, and which of a group's members are this instance's. */
class StaticMembershipTest {

    @Test
    void theInstanceIsTheSettingElseTheHostNameInCharactersKafkaAccepts() {
        assertThat(StaticMembership.instance("booking-2")).isEqualTo("booking-2");
        assertThat(StaticMembership.instance("pod 7/eu:west")).isEqualTo("pod-7-eu-west");
        assertThat(StaticMembership.instance("")).isNotBlank().matches("[A-Za-z0-9._-]+");
        assertThat(StaticMembership.instance(null)).isEqualTo(StaticMembership.instance(" "));
    }

    @Test
    void ourMembersAreTheBindingsIdsWithTheContainersThreadSuffix() {
        Set<String> ours = Set.of("host-1.booking.events.v1");

        assertThat(StaticMembership.isOneOf("host-1.booking.events.v1-0", ours)).isTrue();
        assertThat(StaticMembership.isOneOf("host-1.booking.events.v1-12", ours)).isTrue();
        assertThat(StaticMembership.isOneOf("host-1.booking.events.v1", ours)).isTrue();
        assertThat(StaticMembership.isOneOf("host-10.booking.events.v1-0", ours)).as("another instance").isFalse();
        assertThat(StaticMembership.isOneOf("host-1.booking.events.v1-x", ours)).isFalse();
        assertThat(StaticMembership.isOneOf("host-1.booking.events.v10-0", ours)).as("another topic").isFalse();
    }
}
