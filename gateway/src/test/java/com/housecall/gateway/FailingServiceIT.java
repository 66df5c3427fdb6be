package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.get;
import static com.housecall.gateway.GatewayTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service that is down answers 502, a slow one 504: in the contract's shapes, without exception text. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=gateway",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
class FailingServiceIT {

    private final StubBackend backend = StubBackend.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
        // booking is down: nothing listens on its port
        registry.add("housecall.gateway.targets.booking", () -> "http://127.0.0.1:" + closedPort());
        // dispatch resets every connection once it has read the request, as a service killed mid-request does
        registry.add("housecall.gateway.targets.dispatch", () -> "http://127.0.0.1:" + RESETTING.getLocalPort());
    }

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }

    @Test
    void aServiceThatIsDownIsABadGateway() {
        HttpResponse<String> response = get(port, "/api/consultations", DevJwt.token("patient1"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(502);
        assertThat(response.body()).doesNotContainIgnoringCase("refused").doesNotContain("Exception");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    /** The fault suite's kill -9 of booking: referrals on a connection the service dropped answered 500. */
    @Test
    void aServiceThatResetsTheConnectionIsABadGatewayNotAnInternalError() {
        HttpResponse<String> response = get(port, "/api/nurses", DevJwt.token("operator1"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("detail").asText())
                .isEqualTo("The service behind this path could not be reached.");
    }

    @Test
    void aReferralToAServiceThatIsDownIsATransientOperationOutcome() {
        HttpResponse<String> response = get(port, "/api/referrals/42", DevJwt.token("clinic-a"));

        GatewayIT.assertOperationOutcome(response, 502, "transient");
    }

    @Test
    void aServiceTooSlowToAnswerIsAGatewayTimeoutAndIsNotRetried() {
        HttpResponse<String> response = get(port, "/api/screenings/review-queue?delayMs=2500",
                DevJwt.token("clinician1"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response).path("status").asInt()).isEqualTo(504);
        assertThat(backend.received("/api/screenings/review-queue")).hasSize(1);
    }

    private static final ServerSocket RESETTING = resetting();

    private static ServerSocket resetting() {
        try {
            ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("resetting-service").start(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        socket.setSoLinger(true, 0); // close with a reset, not a clean end of stream
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
