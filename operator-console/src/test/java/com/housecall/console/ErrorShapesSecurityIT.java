package com.housecall.console;

import com.housecall.testsupport.ErrorShapes;
import org.junit.jupiter.api.Test;

/** CONTRACT section 3 off the happy path, straight at this service's port (issue 21). */
class ErrorShapesSecurityIT extends ConsoleIntegration {

    @Test
    void malformedPathsTraceAndTheErrorPageAnswerProblemJson() throws Exception {
        ErrorShapes.assertEveryErrorIsAProblem(port);
    }
}
