package com.housecall.dispatch.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * A check a nurse's status move must pass first, called with the visit's row locked: the visit record's gates
 * (CLINICAL-RULES.md section 6) live in their own package and answer through this.
 */
public interface MoveGuard {

    /** Throws a {@code ConflictException} naming what is missing before the visit may move to {@code target}. */
    void check(UUID visitId, String target, Instant now);
}
