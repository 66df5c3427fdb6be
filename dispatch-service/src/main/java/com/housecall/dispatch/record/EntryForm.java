package com.housecall.dispatch.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One entry as the nurse sends it and as the record shows it: {@code kind} says which fields apply
 * ({@link EntryRules}). Units are in the names: mmHg, beats and breaths per minute, %, kg, mg, minutes.
 */
@Schema(name = "VisitRecordEntryForm", example = """
        {"kind": "VITALS", "at": "2026-12-04T09:05:00-08:00", "systolic": 124, "diastolic": 80, "heartRate": 72,
         "spo2": 98, "respiratoryRate": 14}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryForm(@Nullable EntryKind kind, @Nullable OffsetDateTime at,
                        @Nullable Integer systolic, @Nullable Integer diastolic, @Nullable Integer heartRate,
                        @Nullable Integer spo2, @Nullable Integer respiratoryRate,
                        @Nullable BigDecimal weightKg, @Nullable BigDecimal mgPerKg, @Nullable BigDecimal totalMg,
                        @Nullable String lot, @Nullable LocalDate expiry, @Nullable Integer minutes,
                        @Nullable BigDecimal drawnMg, @Nullable BigDecimal administeredMg,
                        @Nullable BigDecimal wastedMg, @Nullable String witness,
                        @Nullable AdverseCode code, @Nullable Severity severity, @Nullable String action,
                        @Nullable Boolean alert, @Nullable Boolean escort, @Nullable String notes) {
}
