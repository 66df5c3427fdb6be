package com.housecall.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.ErrorShapes;
import com.housecall.testsupport.ErrorShapes.Answer;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** CONTRACT section 3 at the edge, with raw requests a client library would tidy up (issue 21). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class EdgeErrorShapesSecurityIT extends GatewayIntegration {

    @Test
    void oddPathsMethodsAndTheErrorPageAnswerProblems() throws IOException {
        ErrorShapes.assertEveryErrorIsAProblem(port);
        assertThat(backend.received()).isEmpty();
    }

    /** The red-team pass got a plain JSON 400 here; the stream is resumed with this header after every renewal. */
    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "\u00c3\u00a9t\u00c3\u00a9", "1\u00ff"})
    void aLastEventIdThatIsNotAsciiIsAProblemAndNeverForwarded(String lastEventId) throws IOException {
        Answer answer = ErrorShapes.send(port, "GET /api/ops/events HTTP/1.1\r\nAuthorization: Bearer "
                + DevJwt.token("operator1") + "\r\nLast-Event-ID: " + lastEventId, "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400", "Last-Event-ID");
        assertThat(backend.received()).isEmpty();
    }
}
