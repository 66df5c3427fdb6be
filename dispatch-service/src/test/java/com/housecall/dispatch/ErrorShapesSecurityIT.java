package com.housecall.dispatch;

import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.ErrorShapes;
import org.junit.jupiter.api.Test;

/** CONTRACT section 3 off the happy path, straight at this service's port (issue 21). */
class ErrorShapesSecurityIT extends DispatchIntegration {

    @Test
    void malformedPathsTraceAndTheErrorPageAnswerProblemJson() throws Exception {
        ErrorShapes.assertEveryErrorIsAProblem(port);
    }

    @Test
    void aBodyOver64KiBIsRefusedHereToo() throws Exception {
        ErrorShapes.assertLargeBodiesAreRefused(port, "/api/nurses", DevJwt.token("operator1"));
    }

    @Test
    void aNurseNameWithAnEscapeSequenceIsRefused() throws Exception {
        ErrorShapes.assertControlCharactersAreRefused(port, "/api/nurses", DevJwt.token("operator1"), """
                {"displayName": "%s"}""");
    }
}
