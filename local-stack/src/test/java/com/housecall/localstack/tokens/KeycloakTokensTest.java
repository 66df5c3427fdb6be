package com.housecall.localstack.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class KeycloakTokensTest {

    @Test
    void unknownUserExitsTwoNamingTheKnownOnesWithoutAskingKeycloak() {
        Result result = cli("token", "http://127.0.0.1:1/realms/housecall", "mallory");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("unknown user 'mallory'").contains("patient1").contains("clinic-b");
    }

    @Test
    void keycloakNotRunningExitsThreeAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Result result = cli("token", "http://127.0.0.1:" + closedPort + "/realms/housecall", "patient1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Keycloak does not answer").contains("bin/housecall status");
    }

    @Test
    void wrongArgumentsPrintUsage() {
        Result result = cli("token", "patient1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("usage: KeycloakTokens token <issuer> <user>");
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = KeycloakTokens.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
