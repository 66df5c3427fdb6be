package com.housecall.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document, fetched without a token, against the running routes and CONTRACT.md's. */
class ApiDocumentIT extends BookingIntegration {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void documentsEveryRouteWithItsRolesAndNoOther() throws Exception {
        JsonNode document = ApiDocumentCheck.fetch(port, "booking");

        assertThat(ApiDocumentCheck.problems(document, routes, "contract-routes.txt")).isEmpty();
    }
}
