package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of a service behind the gateway (issue 15): both get requests, one that is not ready gets none, and
 * a request that finds an instance gone is taken by the other, a POST included, body and all. The readiness checks
 * run once here (a long interval), so that a dead instance is met by requests, not only by the check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=gateway",
        "spring.cloud.loadbalancer.health-check.interval=10m",
        "spring.cloud.loadbalancer.clients.notification.health-check.interval=300ms"})
class LoadBalancingIT {

    private static final StubBackend FIRST = StubBackend.another();
    private static final StubBackend SECOND = StubBackend.another();
    private static final StubBackend DRAINING = StubBackend.another();
    private static final StubBackend KILLED = StubBackend.another();
    private static final StubBackend BUSY = StubBackend.another();
    private static final StubBackend GONE = StubBackend.another();

    @LocalServerPort
    int port;

    @Autowired
    LoadBalancerClientFactory balancers;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
        registry.add("housecall.gateway.targets.screening", () -> FIRST.url() + "," + SECOND.url());
        DRAINING.notReady();
        registry.add("housecall.gateway.targets.dispatch", () -> FIRST.url() + "," + DRAINING.url());
        registry.add("housecall.gateway.targets.booking", () -> KILLED.url() + "," + SECOND.url());
        BUSY.slowReadiness();
        GONE.stop();
        registry.add("housecall.gateway.targets.notification", () -> BUSY.url() + "," + GONE.url());
    }

    @AfterAll
    static void stop() {
        for (StubBackend backend : new StubBackend[] {FIRST, SECOND, DRAINING, BUSY}) {
            backend.stop();
        }
    }

    @Test
    void twoReadyInstancesShareTheRequests() {
        for (int i = 0; i < 10; i++) {
            assertThat(get(port, "/api/screenings/review-queue", DevJwt.token("clinician1")).statusCode())
                    .isEqualTo(200);
        }

        // in turn, once both have answered their first readiness check (until then only the first to answer)
        int first = FIRST.received("/api/screenings/review-queue").size();
        int second = SECOND.received("/api/screenings/review-queue").size();
        assertThat(first + second).isEqualTo(10);
        assertThat(first).isBetween(3, 7);
        assertThat(second).isBetween(3, 7);
    }

    @Test
    void anInstanceWhoseReadinessIsDownGetsNothing() {
        for (int i = 0; i < 6; i++) {
            assertThat(get(port, "/api/nurses", DevJwt.token("operator1")).statusCode()).isEqualTo(200);
        }

        assertThat(FIRST.received("/api/nurses")).hasSize(6);
        assertThat(DRAINING.received("/api/nurses")).isEmpty();
    }

    /** A kill -9 between two readiness checks: the requests that meet the dead port are sent to the other. */
    @Test
    void aPostThatCannotReachOneInstanceGoesWholeToTheOther() {
        assertThat(get(port, "/api/consultations", DevJwt.token("patient1")).statusCode()).isEqualTo(200);
        KILLED.stop();
        String body = "{\"intake\":{\"phq9\":[1,1,1,1,1,1,1,1,0]}}";

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = GatewayTestSupport.send(GatewayTestSupport.request(port, "/api/consultations")
                    .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(answer.statusCode()).isEqualTo(200);
        }

        assertThat(SECOND.received("/api/consultations")).filteredOn(r -> r.method().equals("POST")).hasSize(6)
                .allSatisfy(r -> assertThat(r.bodyLength()).isEqualTo(body.length()));
    }

    /**
     * The survivor of a kill -9, too busy to answer its readiness check in time, and the dead port: every request
     * goes to the survivor (the dead one refused its checks): before, both were chosen, and a request sent to the dead
     * port twice in a row (its retries taken by others in turn) was answered 502.
     */
    @Test
    void aBusySurvivorIsPreferredToADeadInstance() {
        ServiceInstanceListSupplier instances =
                balancers.getInstance("notification", ServiceInstanceListSupplier.class);
        assertThat(instances.get().blockFirst(Duration.ofSeconds(10))).extracting(ServiceInstance::getPort)
                .containsExactly(URI.create(BUSY.url()).getPort());

        for (int i = 0; i < 8; i++) {
            assertThat(get(port, "/api/notifications", DevJwt.token("operator1")).statusCode()).isEqualTo(200);
        }

        assertThat(BUSY.received("/api/notifications")).hasSize(8);
    }
}
