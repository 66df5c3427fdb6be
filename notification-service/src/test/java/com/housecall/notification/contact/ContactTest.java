package com.housecall.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void routineMessagesGoToChannelsThatArePreferredAndConsented() {
        Contact contact = new Contact(UUID.randomUUID(), "Alex", "Rivera", "alex@example.com", "+14155550123",
                Set.of(Channel.EMAIL, Channel.SMS), true, false, ZoneId.of("America/Chicago"));

        assertThat(contact.wantsRoutine(Channel.EMAIL)).isTrue();
        assertThat(contact.wantsRoutine(Channel.SMS)).isFalse();
    }

    @Test
    void aConsentedChannelThatIsNotPreferredGetsNoRoutineMessage() {
        Contact contact = new Contact(UUID.randomUUID(), "Alex", "Rivera", "alex@example.com", "+14155550123",
                Set.of(Channel.SMS), true, true, ZoneId.of("America/Chicago"));

        assertThat(contact.wantsRoutine(Channel.EMAIL)).isFalse();
        assertThat(contact.wantsRoutine(Channel.SMS)).isTrue();
    }
}
