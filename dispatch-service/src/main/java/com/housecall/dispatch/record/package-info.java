/**
 * The nurse's visit record (CONTRACT.md section 15, CLINICAL-RULES.md section 6): append-only entries (PHI, kept
 * here only), the gates they put on status moves, escalation to the on-call clinician, and the controlled
 * substance log. The rules are plain Java ({@link com.housecall.dispatch.record.EntryRules},
 * {@link com.housecall.dispatch.record.RecordState}, {@link com.housecall.dispatch.record.EscalationRules}).
 */
@NullMarked
package com.housecall.dispatch.record;

import org.jspecify.annotations.NullMarked;
