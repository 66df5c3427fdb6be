package com.housecall.dispatch.nurse;

import java.util.UUID;

/**
 * A nurse's roster entry or availability was replaced (an operator's PUT, or the nurse's own availability), inside
 * that transaction with the nurse's row locked: dispatch re-checks the nurse's coming visits. {@code active} false:
 * the nurse is out of dispatch.
 */
public record NurseRosterChanged(UUID nurseId, boolean active) {
}
