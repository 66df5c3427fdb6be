package com.housecall.dispatch.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a nurse's status move becomes possible (CONTRACT.md section 11): the app cannot say the nurse is on the way
 * days ahead, nor the infusion and observation over before they can be.
 *
 * @param enRouteAhead       EN_ROUTE at most this long before the start
 * @param infusionMinimum    INFUSION_COMPLETED at least this long after INFUSION_STARTED
 * @param observationMinimum COMPLETED at least this long after INFUSION_COMPLETED (the observation period)
 */
@ConfigurationProperties("housecall.dispatch.visit-clock")
public record VisitClock(@DefaultValue("3h") Duration enRouteAhead, @DefaultValue("35m") Duration infusionMinimum,
                         @DefaultValue("30m") Duration observationMinimum) {

    /** The first moment the visit may move to {@code target}; empty when the clock does not decide. */
    Optional<Instant> notBefore(BookedVisit visit, VisitStatus target) {
        return switch (target) {
            case EN_ROUTE -> Optional.of(visit.start().minus(enRouteAhead));
            // the visit is in the previous step since statusChangedAt: a move is one step
            case INFUSION_COMPLETED -> Optional.of(visit.statusChangedAt().plus(infusionMinimum));
            case COMPLETED -> Optional.of(visit.statusChangedAt().plus(observationMinimum));
            default -> Optional.empty();
        };
    }
}
