package com.housecall.events;

import java.util.UUID;

/** Every payload names its consultation: it is the record key and the CloudEvents subject. */
public interface ConsultationEvent {

    UUID consultationId();
}
