package com.housecall.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.ApiDocumentCheck;
import java.net.http.HttpResponse;
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
        HttpResponse<String> answer = get(null, "/api-docs/openapi/booking");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode document = json(answer);
        // kept for reading: target/openapi/booking.json
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/openapi"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi/booking.json"), answer.body());
        assertThat(ApiDocumentCheck.problems(document, routes, "contract-routes.txt")).isEmpty();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }
}
