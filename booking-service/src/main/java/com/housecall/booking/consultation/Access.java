package com.housecall.booking.consultation;

import com.housecall.events.booking.CancelledBy;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import java.util.function.Predicate;

/**
 * Who may do what with one consultation (CONTRACT.md section 2): the route rules decide 403, these decide 404.
 * A patient by {@code sub}, a partner clinic by {@code azp} on its own referrals.
 */
final class Access {

    private Access() {
    }

    static boolean ownPatient(Caller caller, Parties c) {
        return caller.hasRole(Roles.PATIENT) && c.ownedBy(caller.subject());
    }

    static boolean referringClinic(Caller caller, Parties c) {
        return caller.hasRole(Roles.CLINIC) && c.referredBy(caller.clientId());
    }

    static Predicate<Parties> read(Caller caller) {
        return c -> caller.hasRole(Roles.CLINICIAN) || caller.hasRole(Roles.OPERATOR) || ownPatient(caller, c)
                || referringClinic(caller, c);
    }

    /** Who sees {@code patient} and {@code intake}: the owner, clinicians and the referring clinic (not operators). */
    static boolean seesPhi(Caller caller, Parties c) {
        return caller.hasRole(Roles.CLINICIAN) || ownPatient(caller, c) || referringClinic(caller, c);
    }

    static Predicate<Parties> cancel(Caller caller) {
        return c -> caller.hasRole(Roles.OPERATOR) || ownPatient(caller, c) || referringClinic(caller, c);
    }

    /** Reschedule: the owner or an operator (DECISIONS 3). */
    static Predicate<Parties> ownerOrOperator(Caller caller) {
        return c -> caller.hasRole(Roles.OPERATOR) || ownPatient(caller, c);
    }

    static Predicate<Parties> ownerOnly(Caller caller) {
        return c -> ownPatient(caller, c);
    }

    /** The role an action is recorded under, most specific first. */
    static CancelledBy actor(Caller caller, Parties c) {
        if (ownPatient(caller, c)) {
            return CancelledBy.PATIENT;
        }
        return referringClinic(caller, c) ? CancelledBy.CLINIC : CancelledBy.OPERATOR;
    }
}
