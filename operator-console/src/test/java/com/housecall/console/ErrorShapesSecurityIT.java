package com.housecall.console;

import com.housecall.testsupport.DevJwt;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.ErrorShapes;
import com.housecall.testsupport.ErrorShapes.Answer;
import org.junit.jupiter.api.Test;

/** CONTRACT section 3 off the happy path, straight at this service's port (issue 21). */
class ErrorShapesSecurityIT extends ConsoleIntegration {

    @Test
    void malformedPathsTraceAndTheErrorPageAnswerProblemJson() throws Exception {
        ErrorShapes.assertEveryErrorIsAProblem(port);
    }

    @Test
    void aBodyOver64KiBIsRefusedHereToo() throws Exception {
        ErrorShapes.assertLargeBodiesAreRefused(port, "/api/ops/dead-letters/x:0:0/replay", DevJwt.token("operator1"));
    }

    /** The gateway refuses it first; straight at this port the answer must still be a problem, not Tomcat's JSON. */
    @Test
    void aLastEventIdThatIsNotAsciiIsAProblem() throws Exception {
        Answer answer = ErrorShapes.send(port, "GET /api/ops/events HTTP/1.1\r\nAuthorization: Bearer "
                + DevJwt.token("operator1") + "\r\nLast-Event-ID: caf\u00e9", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
