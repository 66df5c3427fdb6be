package com.housecall.dispatch.visit;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.security.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A nurse's own visits, found by the token's {@code preferred_username}. */
@RestController
@RequestMapping("/api/nurse/visits")
class NurseVisitsController {

    private final NurseRoster roster;
    private final Visits visits;

    NurseVisitsController(NurseRoster roster, Visits visits) {
        this.roster = roster;
        this.visits = visits;
    }

    @GetMapping
    List<NurseVisit> ownVisits(@AuthenticationPrincipal Jwt jwt) {
        String username = Caller.of(jwt).username();
        return username == null ? List.of() : roster.idOf(username).map(visits::ofNurse).orElse(List.of());
    }
}
