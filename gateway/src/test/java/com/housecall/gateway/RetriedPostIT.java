package com.housecall.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/**
 * The fault suite's baseline (December 7): a referral answered 500 at the gateway, an
 * {@code IllegalReferenceCountException}, when the POST's retry after a connect timeout found the body Spring Cloud
 * Gateway had kept for it already released by the failed attempt (a known Reactor Netty race under overload:
 * spring-cloud-gateway 3125, reactor-netty 3500). The race itself needs an overloaded machine; here the failed first
 * attempt releases its body once more than it took it, as that race does, and fails as a refused connection would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
@Import(RetriedPostIT.FirstAttemptOverReleases.class)
class RetriedPostIT {

    private final StubBackend backend = StubBackend.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @Test
    void aPostRetriedAfterItsFirstAttemptReleasedTheBodyArrivesWhole() {
        backend.reset();
        String referral = "{\"resourceType\":\"ServiceRequest\",\"note\":\"" + "x".repeat(4000) + "\"}";

        HttpResponse<String> answer = GatewayTestSupport.send(GatewayTestSupport.request(port, "/api/referrals")
                .header("Authorization", "Bearer " + DevJwt.token("clinic-a"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(referral)).build());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(backend.received("/api/referrals")).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.bodyLength()).isEqualTo(referral.length()));
    }

    /** Inside the retry filter, before the routing: the first attempt of each request fails after reading the body. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FirstAttemptOverReleases {

        @Bean
        @Order(10)
        GlobalFilter firstAttemptOverReleases() {
            return (exchange, chain) -> {
                if (exchange.getAttributes().putIfAbsent("test.first-attempt-failed", true) != null) {
                    return chain.filter(exchange);
                }
                return exchange.getRequest().getBody()
                        .doOnNext(body -> {
                            DataBufferUtils.release(body);
                            DataBufferUtils.release(body);
                        })
                        .then(Mono.error(new ConnectException("first attempt refused")));
            };
        }
    }
}
