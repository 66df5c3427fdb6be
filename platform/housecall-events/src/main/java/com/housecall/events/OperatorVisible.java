package com.housecall.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a payload field operators may see on the console (ids, statuses, codes, times, the zone, the state, the
 * 3-digit ZIP prefix, reason codes and their fixed messages, the nurse's display name). Unmarked fields are dropped
 * from the operator stream (DECISIONS 21): never names, contacts, addresses, dates of birth, answers, scores or
 * free text. A marked list or nested record shows only its own marked fields. {@code consultationId} is always shown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OperatorVisible {
}
