package com.housecall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT.md section 2's role table for dispatch's routes: no token 401, a role the table does not list 403, the
 * listed role gets past both (its answer then depends on the record: 200, 400, 404, never 5xx).
 */
class RouteAuthorizationIT extends DispatchIntegration {

    static final List<String> USERS = List.of("patient1", "clinic-a", "nurse1", "clinician1", "operator1");
    static final String UNKNOWN = UUID.randomUUID().toString();

    record Route(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/nurse/visits", null, Set.of("nurse1")),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/status", "{\"status\": \"EN_ROUTE\"}", Set.of("nurse1")),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/decline", "{\"reason\": \"sick\"}", Set.of("nurse1")),
            new Route("GET", "/api/nurse/availability", null, Set.of("nurse1")),
            new Route("PUT", "/api/nurse/availability", "{}", Set.of("nurse1")),
            new Route("GET", "/api/nurses", null, Set.of("operator1")),
            new Route("GET", "/api/nurses/" + UNKNOWN, null, Set.of("operator1")),
            new Route("POST", "/api/nurses", "{}", Set.of("operator1")),
            new Route("PUT", "/api/nurses/" + UNKNOWN, "{}", Set.of("operator1")),
            new Route("GET", "/api/nurse/visits/" + UNKNOWN + "/record", null, Set.of("nurse1")),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/record", "{\"kind\": \"VITALS\"}",
                    Set.of("nurse1")),
            new Route("GET", "/api/visits/" + UNKNOWN + "/record", null, Set.of("clinician1")),
            new Route("POST", "/api/visits/" + UNKNOWN + "/escalation/acknowledge", "", Set.of("clinician1")),
            new Route("POST", "/api/nurses/" + UNKNOWN + "/stock", "{}", Set.of("operator1")),
            new Route("GET", "/api/nurses/" + UNKNOWN + "/controlled-substances.csv", null, Set.of("operator1")),
            new Route("GET", "/api/nurses/" + UNKNOWN + "/visits?date=2026-12-01", null, Set.of("operator1")),
            new Route("POST", "/api/visits/" + UNKNOWN + "/reassign", "{\"nurseId\": \"" + UNKNOWN + "\"}",
                    Set.of("operator1")));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Route route : ROUTES) {
            cells.add(Arguments.of(route, null));
            USERS.forEach(user -> cells.add(Arguments.of(route, user)));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachRouteAnswersEachRoleAsTheContractSays(Route route, String user) throws Exception {
        String token = user == null ? null : DevJwt.token(user);
        HttpResponse<String> response = switch (route.method()) {
            case "GET" -> get(token, route.path());
            case "POST" -> post(token, route.path(), route.body());
            case "PUT" -> put(token, route.path(), route.body());
            default -> throw new IllegalArgumentException(route.method());
        };

        if (user == null) {
            assertThat(response.statusCode()).isEqualTo(401);
        } else if (!route.allowed().contains(user)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        } else {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403).isLessThan(500);
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(response.statusCode() >= 400 ? "application/problem+json" : "application/json"));
    }
}
