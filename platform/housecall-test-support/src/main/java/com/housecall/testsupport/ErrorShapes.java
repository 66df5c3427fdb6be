package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * CONTRACT section 3 off the happy path, straight at a service's port: requests an HTTP client would tidy up
 * ({@code //}, {@code ..}, TRACE, {@code /error} itself) sent as raw bytes; every answer must be problem+json with
 * a real status. The red-team pass found empty 400s and a 500 "status 999" here (issue 21).
 */
public final class ErrorShapes {

    /** What came back: the status line's code, the Content-Type and the body. */
    public record Answer(int status, String contentType, String body) {
    }

    private ErrorShapes() {
    }

    public static void assertEveryErrorIsAProblem(int port) throws IOException {
        for (String requestLine : List.of("GET //api/consultations HTTP/1.1", "GET /api/../actuator/env HTTP/1.1",
                "GET /api/%2e%2e/x HTTP/1.1", "TRACE /api/consultations HTTP/1.1", "GET /error HTTP/1.1")) {
            Answer answer = send(port, requestLine);
            assertThat(answer.status()).as(requestLine).isBetween(400, 499);
            assertThat(answer.contentType()).as(requestLine).startsWith("application/problem+json");
            assertThat(answer.body()).as(requestLine).contains("\"status\":" + answer.status())
                    .doesNotContain("999", "Exception", "trace");
        }
    }

    /** A body over 64 KiB to {@code path} (POST, JSON, with {@code token} when not null) is 413 problem+json. */
    public static void assertLargeBodiesAreRefused(int port, String path, String token) throws IOException {
        String body = "{\"note\":\"" + "x".repeat(64 * 1024) + "\"}";
        Answer answer = send(port, "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + (token == null ? "" : "\r\nAuthorization: Bearer " + token), body);
        assertThat(answer.status()).as(path).isEqualTo(413);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }

    /**
     * {@code body} (JSON with {@code %s} where a text goes) POSTed to {@code path} with an escape sequence in that
     * text is 400 problem+json naming the rule, and does not echo the text.
     */
    public static void assertControlCharactersAreRefused(int port, String path, String token, String body)
            throws IOException {
        String json = body.formatted("ok\\u001b[31m red");
        Answer answer = send(port, "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\nAuthorization: Bearer " + token, json);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        assertThat(answer.body()).as(path).contains("control character").doesNotContain("red");
    }

    public static Answer send(int port, String requestLine) throws IOException {
        return send(port, requestLine, "");
    }

    /** One request on its own connection, closed after the answer; {@code head} may carry header lines. */
    public static Answer send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            String answerHead = headersEnd < 0 ? response : response.substring(0, headersEnd);
            String answerBody = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
            int status = Integer.parseInt(answerHead.substring(9, 12));
            String contentType = answerHead.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
            return new Answer(status, contentType, answerBody);
        }
    }
}
