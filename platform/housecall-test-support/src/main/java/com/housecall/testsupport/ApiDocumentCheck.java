package com.housecall.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a service's OpenAPI document with the routes it runs and with the routes of CONTRACT.md it serves
 * (DECISIONS 2: those are kept in the service's test resources, one {@code METHOD /path: role, role} a line, or
 * {@code : none} for a route called without a token). Paths compare with their variables unnamed.
 */
public final class ApiDocumentCheck {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiDocumentCheck() {
    }

    /**
     * Fails unless the running service's document {@code /api-docs/openapi/<name>}, asked without a token, matches
     * its routes and the contract's routes of {@code contract-routes.txt} in its test resources.
     */
    public static void verify(ApplicationContext service, String name) throws IOException, InterruptedException {
        int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        RequestMappingHandlerMapping routes =
                service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> problems = problems(fetch(port, name), routes, "contract-routes.txt");
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document " + name + " does not match:\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * The document at {@code /api-docs/openapi/<name>} on a service's port, asked without a token; also written to
     * {@code target/openapi/<name>.json} for reading.
     */
    public static JsonNode fetch(int port, String name) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api-docs/openapi/" + name)).build(), BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("/api-docs/openapi/" + name + " answered " + answer.statusCode());
        }
        Files.createDirectories(Path.of("target/openapi"));
        Files.writeString(Path.of("target/openapi", name + ".json"), answer.body());
        return JSON.readTree(answer.body());
    }

    /** Every mismatch, in words; empty when the document, the running routes and the contract agree. */
    public static List<String> problems(JsonNode document, RequestMappingHandlerMapping mapping,
                                        String contractResource) {
        List<String> problems = new ArrayList<>();
        if (!document.path("openapi").asString("").startsWith("3.1.")) {
            problems.add("not OpenAPI 3.1: " + document.path("openapi"));
        }
        Map<String, Set<String>> documented = documented(document, problems);
        Map<String, Set<String>> contract = contract(contractResource);
        Set<String> running = running(mapping);
        compare("running but not documented", running, documented.keySet(), problems);
        compare("documented but not running", documented.keySet(), running, problems);
        compare("in the contract but not documented", contract.keySet(), documented.keySet(), problems);
        compare("documented but not in the contract", documented.keySet(), contract.keySet(), problems);
        contract.forEach((route, roles) -> {
            Set<String> given = documented.get(route);
            if (given != null && !given.equals(roles)) {
                problems.add(route + " documents roles " + given + ", the contract says " + roles);
            }
        });
        if (!document.at("/components/securitySchemes/bearer/scheme").asString("").equals("bearer")) {
            problems.add("no bearer security scheme");
        }
        missingReferences(document, document, problems);
        // a class springdoc could not read comes out as {}: its shape is missing from the document
        document.at("/components/schemas").properties().stream().filter(schema -> schema.getValue().isEmpty())
                .forEach(schema -> problems.add("empty schema " + schema.getKey()));
        return problems;
    }

    /** {@code METHOD /path} (variables unnamed) to its documented roles ({@code none}: no token). */
    private static Map<String, Set<String>> documented(JsonNode document, List<String> problems) {
        Map<String, Set<String>> routes = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String route = operation.getKey().toUpperCase() + " " + unnamed(path.getKey());
            JsonNode op = operation.getValue();
            routes.put(route, roles(op));
            checkOperation(route, op, problems);
        }));
        return routes;
    }

    private static Set<String> roles(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (security.isArray() && security.isEmpty()) {
            return Set.of("none");
        }
        Set<String> roles = new TreeSet<>();
        security.forEach(requirement -> requirement.path("bearer").forEach(role -> roles.add(role.asString())));
        return roles;
    }

    /** What each operation must say: its roles in words, an answer, and a problem body for each error. */
    private static void checkOperation(String route, JsonNode operation, List<String> problems) {
        String description = operation.path("description").asString("");
        if (!description.startsWith("**Roles:**") && !description.startsWith("**No token:**")) {
            problems.add(route + ": the description does not start with its roles");
        }
        if (operation.path("summary").asString("").isBlank()) {
            problems.add(route + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        if (responses.properties().stream().noneMatch(r -> r.getKey().startsWith("2"))) {
            problems.add(route + ": no 2xx answer");
        }
        responses.properties().stream().filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                .filter(r -> r.getValue().path("content").isEmpty())
                .forEach(r -> problems.add(route + " " + r.getKey() + ": no answer shape"));
        boolean token = !roles(operation).contains("none");
        for (String code : token ? List.of("401", "403") : List.<String>of()) {
            if (!responses.has(code)) {
                problems.add(route + ": no " + code);
            }
        }
        responses.properties().stream().filter(r -> r.getKey().matches("[45]..")).forEach(response -> {
            JsonNode content = response.getValue().path("content");
            if (!content.has("application/problem+json") && !content.has("application/fhir+json")) {
                problems.add(route + " " + response.getKey() + ": not problem+json");
            }
        });
    }

    private static Map<String, Set<String>> contract(String resource) {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (String line : read(resource).lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            Set<String> roles = new TreeSet<>();
            for (String role : line.substring(colon + 1).split(",")) {
                roles.add(role.strip());
            }
            routes.put(unnamedRoute(line.substring(0, colon).strip()), roles);
        }
        return routes;
    }

    private static Set<String> running(RequestMappingHandlerMapping mapping) {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> routes.add(method.name() + " " + unnamed(path)));
                }
            }
        }
        return routes;
    }

    private static void compare(String what, Set<String> these, Set<String> those, List<String> problems) {
        Set<String> missing = these.stream().filter(route -> !those.contains(route))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            problems.add(what + ": " + missing);
        }
    }

    private static void missingReferences(JsonNode node, JsonNode document, List<String> problems) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asString();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                problems.add("unresolved " + ref);
            }
        }
        node.forEach(child -> missingReferences(child, document, problems));
    }

    private static String unnamedRoute(String route) {
        int space = route.indexOf(' ');
        return route.substring(0, space).toUpperCase() + " " + unnamed(route.substring(space + 1).strip());
    }

    private static String unnamed(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static String read(String resource) {
        try (InputStream in = ApiDocumentCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
