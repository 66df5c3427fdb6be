package com.housecall.console.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.console.ConsoleIntegration;
import com.housecall.console.SseClient;
import com.housecall.testsupport.DevJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The red-team pass found streams outliving their token and 60 full replays held by one operator (issue 21). */
class StreamLimitsSecurityIT extends ConsoleIntegration {

    @Test
    void aStreamEndsWhenItsTokenExpiresSayingWhy() throws Exception {
        String shortLived = DevJwt.token("operator1",
                claims -> claims.expirationTime(Date.from(Instant.now().plusSeconds(3))));

        try (SseClient stream = SseClient.open(uri("/api/ops/events"), shortLived, null)) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(stream::ended);
            assertThat(stream.messages()).extracting(SseClient.Message::event).containsExactly("auth-expired");
        }
    }

    @Test
    void anOperatorsSeventhStreamEndsTheirOldest() throws Exception {
        String operator = DevJwt.token("operator1", claims -> claims.subject(UUID.randomUUID().toString()));
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                streams.add(SseClient.open(uri("/api/ops/events?consultationId=" + UUID.randomUUID()), operator,
                        "oldest"));
                assertThat(streams.getLast().status()).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> streams.getFirst().ended());
            assertThat(streams.getFirst().messages()).extracting(SseClient.Message::event)
                    .containsExactly("stream-limit");
            assertThat(streams.subList(1, 7)).noneMatch(SseClient::ended);
        } finally {
            for (SseClient stream : streams) {
                stream.close();
            }
        }
    }
}
