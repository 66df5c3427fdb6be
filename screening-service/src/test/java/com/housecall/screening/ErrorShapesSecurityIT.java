package com.housecall.screening;

import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.ErrorShapes;
import org.junit.jupiter.api.Test;

/** CONTRACT section 3 off the happy path, straight at this service's port (issue 21). */
class ErrorShapesSecurityIT extends ScreeningIntegration {

    @Test
    void malformedPathsTraceAndTheErrorPageAnswerProblemJson() throws Exception {
        ErrorShapes.assertEveryErrorIsAProblem(port);
    }

    @Test
    void aBodyOver64KiBIsRefusedHereToo() throws Exception {
        ErrorShapes.assertLargeBodiesAreRefused(port, "/api/screenings/" + java.util.UUID.randomUUID() + "/decision", DevJwt.token("clinician1"));
    }

    @Test
    void aDecisionNoteWithAnEscapeSequenceIsRefused() throws Exception {
        ErrorShapes.assertControlCharactersAreRefused(port, "/api/screenings/" + java.util.UUID.randomUUID()
                + "/decision", DevJwt.token("clinician1"), """
                {"decision": "APPROVE", "note": "%s"}""");
    }
}
