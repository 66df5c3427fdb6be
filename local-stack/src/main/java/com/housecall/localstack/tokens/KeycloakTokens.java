package com.housecall.localstack.tokens;

import com.housecall.localstack.keycloak.TokenEndpoint;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Asks the local Keycloak ({@code bin/housecall up}) for an access token for a demo user or partner clinic of
 * {@link DemoUsers}: the password grant on {@value TokenEndpoint#PASSWORD_CLIENT} for people (password = user
 * name), the client-credentials grant for {@code clinic-a}/{@code clinic-b} (secret = client id + {@code -secret}),
 * and for {@code clinic-c} with a {@link ClientAssertion} signed by its dev key (SMART Backend Services).
 *
 * <pre>
 * KeycloakTokens token &lt;issuer&gt; &lt;user&gt;   prints the access token only
 *   exit 2: unknown user; 3: Keycloak does not answer; 1: Keycloak refused (its error is printed)
 * </pre>
 */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !args[0].equals("token")) {
            err.println("usage: KeycloakTokens token <issuer> <user>");
            return 2;
        }
        String issuer = args[1];
        DemoUsers.User user = DemoUsers.find(args[2]).orElse(null);
        if (user == null) {
            err.println("unknown user '" + args[2] + "'; known: " + String.join(", ", DemoUsers.usernames()));
            return 2;
        }
        Map<String, String> form = user.signsAssertions()
                ? ClientAssertion.grant(user.clientId(), TokenEndpoint.of(issuer), ClientAssertion.demoKey())
                : user.isClient()
                ? Map.of("grant_type", "client_credentials", "client_id", user.clientId(),
                        "client_secret", user.secret())
                : Map.of("grant_type", "password", "client_id", TokenEndpoint.PASSWORD_CLIENT,
                        "username", user.username(), "password", user.secret(), "scope", "openid");
        TokenEndpoint.Response response;
        try {
            response = TokenEndpoint.post(TokenEndpoint.of(issuer), form);
        } catch (UncheckedIOException e) {
            err.println("Keycloak does not answer at " + issuer + " (" + e.getCause().getClass().getSimpleName()
                    + "): is it running? bin/housecall status");
            return 3;
        } catch (RuntimeException e) {
            err.println("Keycloak gave an unreadable answer at " + issuer + ": " + e.getClass().getSimpleName());
            return 1;
        }
        if (!response.ok()) {
            err.println("Keycloak refused a token for " + user.username() + ": HTTP " + response.status() + " "
                    + response.error() + " " + response.body().getOrDefault("error_description", ""));
            return 1;
        }
        out.println(response.accessToken());
        return 0;
    }
}
