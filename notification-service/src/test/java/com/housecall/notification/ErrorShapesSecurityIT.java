package com.housecall.notification;

import com.housecall.testsupport.ErrorShapes;
import org.junit.jupiter.api.Test;

/** CONTRACT section 3 off the happy path, straight at this service's port (issue 21). */
class ErrorShapesSecurityIT extends NotificationIntegration {

    @Test
    void malformedPathsTraceAndTheErrorPageAnswerProblemJson() throws Exception {
        ErrorShapes.assertEveryErrorIsAProblem(HTTP_PORT);
    }

    @Test
    void aBodyOver64KiBIsRefusedHereToo() throws Exception {
        ErrorShapes.assertLargeBodiesAreRefused(HTTP_PORT, "/api/notifications/sms/inbound", null);
    }
}
