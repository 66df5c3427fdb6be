package com.housecall.localstack;

import com.housecall.testsupport.DemoUsers;
import com.housecall.testsupport.DevJwt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Prints access tokens shaped like the {@code housecall} Keycloak realm's for the demo users of
 * {@link DemoUsers}, minted by {@link DevJwt} with the key pair kept in PEM files the services are pointed at,
 * so the platform and curl work without starting Keycloak.
 *
 * <pre>
 * DevTokens init  &lt;dir&gt;          creates dir/private.pem and dir/public.pem unless present
 * DevTokens token &lt;dir&gt; &lt;user&gt;   prints a token for a demo user or partner clinic (exit 2 if unknown)
 * </pre>
 */
public final class DevTokens {

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("init")) {
                PemKeys.ensure(Path.of(args[1]));
                return 0;
            }
            if (args.length == 3 && args[0].equals("token")) {
                if (DemoUsers.find(args[2]).isEmpty()) {
                    err.println("unknown user '" + args[2] + "'; known: " + String.join(", ", DemoUsers.usernames()));
                    return 2;
                }
                out.println(issue(Path.of(args[1]), args[2]));
                return 0;
            }
            err.println("usage: DevTokens init <dir> | DevTokens token <dir> <user>");
            return 2;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("dev token failed: " + e);
            return 1;
        }
    }

    /** A token for the demo user {@code username} signed with the key in {@code keyDir}, created there if missing. */
    public static String issue(Path keyDir, String username) throws IOException, GeneralSecurityException {
        return DevJwt.token(PemKeys.ensure(keyDir), username, claims -> claims);
    }
}
