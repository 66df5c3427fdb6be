package com.housecall.dispatch.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Well-formed entries for the unit tests, at a given moment; each test changes the one field it is about. */
final class Entries {

    static final Instant NOW = Instant.parse("2026-12-08T17:30:00Z");

    private Entries() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(-8));
    }

    static EntryForm vitals(Instant at, int systolic, int diastolic, int heartRate, int spo2, int respiratoryRate) {
        return new EntryForm(EntryKind.VITALS, at(at), systolic, diastolic, heartRate, spo2, respiratoryRate,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static EntryForm vitals(Instant at) {
        return vitals(at, 124, 80, 72, 98, 14);
    }

    static EntryForm dose(Instant at, String weightKg, String mgPerKg, String totalMg) {
        return new EntryForm(EntryKind.DOSE, at(at), null, null, null, null, null, new BigDecimal(weightKg),
                new BigDecimal(mgPerKg), new BigDecimal(totalMg), "LOT-1", LocalDate.of(2027, 6, 30), 40,
                null, null, null, null, null, null, null, null, null, null);
    }

    static EntryForm draw(Instant at, String lot, String drawnMg) {
        return new EntryForm(EntryKind.DRAW, at(at), null, null, null, null, null, null, null, null, lot, null, null,
                new BigDecimal(drawnMg), null, null, null, null, null, null, null, null, null);
    }

    static EntryForm reconcile(Instant at, String administeredMg, String wastedMg, String witness) {
        return new EntryForm(EntryKind.RECONCILE, at(at), null, null, null, null, null, null, null, null, null, null,
                null, null, new BigDecimal(administeredMg), new BigDecimal(wastedMg), witness, null, null, null,
                null, null, null);
    }

    static EntryForm adverse(Instant at, Severity severity) {
        return new EntryForm(EntryKind.ADVERSE_EVENT, at(at), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, AdverseCode.NAUSEA, severity, "ondansetron given", null, null,
                null);
    }

    static EntryForm discharge(Instant at, Boolean alert, Boolean escort) {
        return new EntryForm(EntryKind.DISCHARGE, at(at), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, alert, escort, "partner drives");
    }
}
