package com.housecall.notification.message;

import com.housecall.notification.contact.Contacts;
import org.springframework.stereotype.Component;

/** Records a message and, if the contact is known, expands it into notifications (else the contact will). */
@Component
class MessageRecorder {

    private final Contacts contacts;
    private final Messages messages;

    MessageRecorder(Contacts contacts, Messages messages) {
        this.contacts = contacts;
        this.messages = messages;
    }

    void record(Messages.NewMessage message) {
        if (messages.record(message).isPresent()) {
            contacts.find(message.consultationId()).ifPresent(messages::expand);
        }
    }
}
