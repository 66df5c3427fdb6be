package com.housecall.console;

import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.ErrorShapes;
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
}
