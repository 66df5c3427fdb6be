/**
 * The scheduling rules of CLINICAL-RULES.md section 3 as plain Java: no Spring, no database, no clock of its own.
 * {@link com.housecall.dispatch.scheduling.Scheduler} finds the earliest feasible start and the nurse to send.
 */
@NullMarked
package com.housecall.dispatch.scheduling;

import org.jspecify.annotations.NullMarked;
