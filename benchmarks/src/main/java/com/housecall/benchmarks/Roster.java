package com.housecall.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes sure the nurses of {@link RosterNurses} are on dispatch's roster, through the gateway as an operator: reads
 * the roster's usernames ({@code GET /api/nurses}, a page of 100 at a time), adds each one missing
 * ({@code POST /api/nurses}). A 409 (the username is taken) counts as there: another run got there first.
 */
public final class Roster {

    public record Outcome(int added, int present) {
    }

    private static final int PAGE = 100;
    private static final int ATTEMPTS = 5;

    private final HttpClient http;
    private final String nurses;
    private final Tokens tokens;
    private String token;

    public Roster(HttpClient http, String gateway, Tokens tokens) {
        this.http = http;
        this.nurses = gateway + "/api/nurses";
        this.tokens = tokens;
    }

    /** {@code perState} extra nurses in each area of the load (DECISIONS 24's {@code --roster N}). */
    public Outcome ensure(List<LoadShape.Area> areas, int perState) throws IOException, InterruptedException {
        return ensure(RosterNurses.of(areas, perState));
    }

    Outcome ensure(List<RosterNurses.Nurse> wanted) throws IOException, InterruptedException {
        token = tokens.operator();
        Set<String> onRoster = usernames();
        int added = 0;
        int present = 0;
        for (RosterNurses.Nurse nurse : wanted) {
            if (onRoster.contains(nurse.username())) {
                present++;
                continue;
            }
            HttpResponse<String> answer = send(() -> request(nurses)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(nurse.body())).build());
            switch (answer.statusCode()) {
                case 201 -> added++;
                case 409 -> present++;
                default -> throw new IOException("dispatch refused nurse " + nurse.username() + ": HTTP "
                        + answer.statusCode() + " " + answer.body());
            }
        }
        return new Outcome(added, present);
    }

    private Set<String> usernames() throws IOException, InterruptedException {
        Set<String> usernames = new HashSet<>();
        for (int page = 0; ; page++) {
            String url = nurses + "?page=" + page + "&size=" + PAGE;
            HttpResponse<String> answer = send(() -> request(url).GET().build());
            if (answer.statusCode() != 200) {
                throw new IOException("the roster could not be read: HTTP " + answer.statusCode());
            }
            List<String> found = Json.fields(answer.body(), "username");
            usernames.addAll(found);
            if (found.size() < PAGE) {
                return usernames;
            }
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    /**
     * Again on the gateway's 502-504 (a service just started answers its first requests late; a POST that went
     * through anyway answers 409 the second time) and, with a fresh token, on a 401 (a long run outlives one);
     * the request is built for each attempt, with the token of that moment.
     */
    private HttpResponse<String> send(Supplier<HttpRequest> request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            boolean again = status == 401 || status >= 502 && status <= 504;
            if (!again || attempt == ATTEMPTS) {
                return answer;
            }
            if (status == 401) {
                token = tokens.operator();
            }
        }
    }
}
