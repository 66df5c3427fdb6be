package com.housecall.gateway.apidocs;

import com.housecall.events.AsyncApiDocument;
import com.housecall.gateway.GatewayProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api-docs}: Swagger UI (the swagger-ui WebJar's assets, served from here) over the five services'
 * documents, which {@link com.housecall.gateway.GatewayRoutes} forwards to the services; {@code GET
 * /api-docs/asyncapi}: the AsyncAPI 3.0 document, built once from the event catalogue. No token needed.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    public static final String OPENAPI = "/api-docs/openapi/";
    public static final String[] PATHS = {"/api-docs", "/api-docs/**"};
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    @Bean
    RouterFunction<ServerResponse> apiDocsRoutes() {
        String asyncApi = AsyncApiDocument.json();
        ClassPathResource page = new ClassPathResource("api-docs/index.html");
        // the documents Swagger UI offers, from the same list the gateway routes
        Map<String, Object> config = Map.of("urls", GatewayProperties.Targets.apiDocuments().keySet().stream()
                .map(name -> Map.of("name", name, "url", OPENAPI + name)).toList());
        return RouterFunctions.route()
                .GET("/api-docs", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/api-docs/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/api-docs/asyncapi",
                        request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(asyncApi))
                .GET("/api-docs/swagger-config",
                        request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config))
                .build()
                .and(RouterFunctions.resources("/api-docs/housecall/**", new ClassPathResource("api-docs/")))
                .and(RouterFunctions.resources("/api-docs/ui/**",
                        new ClassPathResource(WEBJAR + webjarVersion() + "/")));
    }

    /** The WebJar's version from its Maven metadata, so the asset paths need no version. */
    static String webjarVersion() {
        try (InputStream in = ApiDocs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui WebJar is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
