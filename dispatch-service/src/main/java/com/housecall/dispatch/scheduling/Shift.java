package com.housecall.dispatch.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly shift in the nurse's own time zone, within one day. */
public record Shift(DayOfWeek day, LocalTime start, LocalTime end) {
}
