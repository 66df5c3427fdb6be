package com.housecall.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * One connection, several requests: a request the gateway answers itself (401, 429) right after one it forwards
 * must not stop the connection from reading the next. With Reactor Netty 1.3.6 it did (reactor-netty#4361): the
 * third request below sat unread until the client gave up, which is how ClinicRateLimitIT's keep-alive client
 * waited 20 s after a 429.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class KeepAliveIT extends GatewayIntegration {

    @Test
    void aRequestAnsweredAtTheEdgeDoesNotStallTheNextOnTheSameConnection() throws IOException {
        String token = DevJwt.token("operator1");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            List<Integer> statuses = new ArrayList<>();
            // the second is written before the gateway has tidied up after the first, as busy clients do
            write(out, get("/api/consultations?first", token) + get("/api/consultations?second", null));
            statuses.add(readResponse(in));
            statuses.add(readResponse(in));
            write(out, get("/api/consultations?third", token));
            statuses.add(readResponse(in));

            assertThat(statuses).containsExactly(200, 401, 200);
        }
    }

    private static void write(OutputStream out, String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** The status line, the headers and a Content-Length body; a read timeout fails the test. */
    private static int readResponse(BufferedReader in) throws IOException {
        int status = Integer.parseInt(in.readLine().split(" ")[1]);
        int length = 0;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            read += in.read(body, read, length - read);
        }
        return status;
    }
}
