package com.housecall.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clinics' limit counted in Redis at 127.0.0.1:6379, as several gateway instances would share it. Skipped when
 * no Redis answers there. Keys carry a prefix of their own, so runs never meet.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=gateway",
        "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379"})
class RedisClinicRateLimitIT {

    private static final String PREFIX = "housecall:test:gateway-rate:" + UUID.randomUUID() + ":";

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock gatewayClock() {
            return ClinicRateLimitScenario.clock();
        }
    }

    private final StubBackend backend = StubBackend.shared();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void redisAnswers() {
        assumeTrue(redisAnswersPing(), "No Redis answers at 127.0.0.1:6379: the Redis-backed rate limit test is "
                + "skipped (the in-memory one, ClinicRateLimitIT, still runs)");
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
        registry.add("housecall.gateway.rate-limit-key-prefix", () -> PREFIX);
    }

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }

    @Test
    void aClinicsSixtyFirstCallInTheMinuteIsRefusedByTheSharedCounter() {
        ClinicRateLimitScenario.run(port, backend);

        long minute = ClinicRateLimitScenario.NOW.getEpochSecond() / 60;
        String counter = redis.opsForValue().get(PREFIX + "clinic:clinic-a:" + minute).block(Duration.ofSeconds(5));
        Long ttl = redis.getExpire(PREFIX + "clinic:clinic-a:" + minute).map(Duration::toSeconds)
                .block(Duration.ofSeconds(5));
        assertThat(counter).isEqualTo("62");
        assertThat(ttl).isBetween(1L, 120L);
        assertThat(redis.opsForValue().get(PREFIX + "clinic:clinic-b:" + minute).block(Duration.ofSeconds(5)))
                .isEqualTo("1");
    }

    private static boolean redisAnswersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
