package com.housecall.gateway.web;

import com.housecall.gateway.GatewayProperties;
import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * CONTRACT.md section 12: the patients' app at {@code /app/}, the clinicians' workspace at {@code /clinician/} (one
 * page each, plain JavaScript, with {@code /clinician/cases/{id}} opening a case) and the nurses' page at
 * {@code /nurse/} (DECISIONS 47), their shared login script under {@code /shared/}, and each without the slash (and
 * {@code /ops}) sent to the same host and port with it. The Location is relative: a browser keeps the address it
 * used, never a service's port.
 */
@Configuration(proxyBeanMethods = false)
class WebApps {

    static final String PATIENT_CLIENT = "housecall-web";
    static final String CLINICIAN_CLIENT = "housecall-clinician";

    @Bean
    RouterFunction<ServerResponse> webAppRoutes(GatewayProperties properties) {
        String issuer = properties.web().browserIssuer();
        ClassPathResource app = new ClassPathResource("web/app/index.html");
        ClassPathResource clinician = new ClassPathResource("web/clinician/index.html");
        ClassPathResource nurse = new ClassPathResource("web/nurse/index.html");
        return RouterFunctions.route()
                .GET("/app", WebApps::slash)
                .GET("/clinician", WebApps::slash)
                .GET("/ops", WebApps::slash)
                .GET("/nurse", WebApps::slash)
                .GET("/app/", request -> page(app))
                .GET("/clinician/", request -> page(clinician))
                .GET("/clinician/cases/{id}", request -> page(clinician))
                .GET("/nurse/", request -> page(nurse))
                .GET("/nurse/visits/{id}", request -> page(nurse))
                .GET("/app/config.json", request -> config(issuer, PATIENT_CLIENT))
                .GET("/clinician/config.json", request -> config(issuer, CLINICIAN_CLIENT))
                // nurses sign in on the patients' public client (DECISIONS 47)
                .GET("/nurse/config.json", request -> config(issuer, PATIENT_CLIENT))
                .build()
                .and(RouterFunctions.resources("/app/**", new ClassPathResource("web/app/")))
                .and(RouterFunctions.resources("/clinician/**", new ClassPathResource("web/clinician/")))
                .and(RouterFunctions.resources("/nurse/**", new ClassPathResource("web/nurse/")))
                .and(RouterFunctions.resources("/shared/**", new ClassPathResource("web/shared/")));
    }

    /** The same path with a slash, relative to where the browser is, the query kept (a login's code, say). */
    static Mono<ServerResponse> slash(ServerRequest request) {
        String query = request.uri().getRawQuery();
        URI location = URI.create(request.path() + "/" + (query == null ? "" : "?" + query));
        return ServerResponse.status(HttpStatus.FOUND).location(location).build();
    }

    private static Mono<ServerResponse> page(ClassPathResource page) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-cache").bodyValue(page);
    }

    /** The realm and public client a page logs in with (authorization code with PKCE). */
    private static Mono<ServerResponse> config(String issuer, String clientId) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("issuer", issuer, "clientId", clientId));
    }
}
