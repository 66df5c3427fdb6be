package com.housecall.notification;

import com.housecall.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The OpenAPI document, fetched without a token, against the running routes and CONTRACT.md's. */
class ApiDocumentIT extends NotificationIntegration {

    @Test
    void documentsEveryRouteWithItsRolesAndNoOther(@Autowired ApplicationContext service) throws Exception {
        ApiDocumentCheck.verify(service, "notification");
    }
}
