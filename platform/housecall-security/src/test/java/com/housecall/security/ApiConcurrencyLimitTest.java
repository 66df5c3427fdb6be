package com.housecall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.housecall.security.problem.ApiProblemAdvice;
import com.housecall.security.problem.ServiceBusy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A service with every API turn taken refuses the next request at once with 503, Retry-After and problem+json, and
 * serves again as soon as a turn is free; an open event stream holds no turn.
 */
class ApiConcurrencyLimitTest {

    @RestController
    static class Api {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);

        @GetMapping("/api/held")
        String held() throws InterruptedException {
            entered.countDown();
            assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
            return "done";
        }

        @GetMapping("/api/quick")
        String quick() {
            return "quick";
        }

        @GetMapping("/api/stream")
        SseEmitter stream() {
            return new SseEmitter(60_000L);
        }
    }

    private final Api api = new Api();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiConcurrencyLimit limit = new ApiConcurrencyLimit(
            new ApiConcurrency(1, Duration.ofMillis(200)), meters);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(api)
            .setControllerAdvice(new ApiProblemAdvice())
            .addMappedInterceptors(new String[] {ApiConcurrencyLimit.PATH}, limit).build();

    @Test
    void aRequestFindingEveryTurnTakenIsRefusedEarlyAndTheNextOneAfterIsServed() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> perform("/api/held"));
        assertThat(api.entered.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = perform("/api/quick");

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains(ServiceBusy.DETAIL);
        assertThat(meters.get("housecall.http.shed").counter().count()).isEqualTo(1.0);

        api.finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(perform("/api/quick").getStatus()).isEqualTo(200);
        assertThat(limit.available()).isEqualTo(1);
    }

    @Test
    void anOpenEventStreamGivesItsTurnBack() throws Exception {
        assertThat(perform("/api/stream").getStatus()).isEqualTo(200);

        assertThat(limit.available()).isEqualTo(1);
        assertThat(perform("/api/quick").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse perform(String path) {
        try {
            return mvc.perform(get(path)).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
