package com.housecall.booking.consultation;

import com.housecall.messaging.InboundEvent;

/** An event of another service as the consultation's timeline records it: its type, at the time it carries. */
record Heard(String type, String at) {

    static Heard of(InboundEvent event) {
        return new Heard(event.type(), event.time());
    }
}
