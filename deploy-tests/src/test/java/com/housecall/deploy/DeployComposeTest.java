package com.housecall.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is the platform of {@code bin/housecall up} (CONTRACT.md sections 1 and 13), checked without a
 * Docker engine: every part, its ports, its health check, what it waits for, its memory limit, what it publishes, and
 * what the gateway and notification-service are pointed at.
 */
class DeployComposeTest {

    private static final Pattern PROBE = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+) && printf 'GET (\\S+) ");

    private final Contract contract = Contract.load();
    private final Map<String, Map<String, Object>> services = services();

    @Test
    void everyPartOfThePlatformIsAService() {
        List<String> parts = new ArrayList<>(contract.apps().keySet());
        parts.addAll(contract.infrastructure().keySet());
        parts.addAll(contract.monitoring());
        assertThat(services).containsOnlyKeys(parts);
    }

    @Test
    void everyAppAnswersReadinessOnItsManagementPortAndListensOnItsContractPort() {
        contract.apps().keySet().forEach(app -> {
            assertThat(probe(app)).as(app).containsExactly(Integer.toString(contract.management(app)),
                    "/actuator/health/readiness");
            String prefix = "HOUSECALL_" + (app.equals("operator-console") ? "CONSOLE"
                    : app.replace("-service", "").toUpperCase());
            assertThat(env(app)).as(app)
                    .containsEntry(prefix + "_PORT", Integer.toString(contract.port(app)))
                    .containsEntry(prefix + "_MANAGEMENT_PORT", Integer.toString(contract.management(app)));
        });
    }

    @Test
    void everyPartHasAHealthCheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            if (!name.equals("grafana")) { // nothing waits for the dashboards
                assertThat(service).as(name).containsKey("healthcheck");
            }
            assertThat(service).as(name).containsKey("mem_limit");
        });
    }

    @Test
    void theAppsStartOnlyOnceTheirInfrastructureIsHealthy() {
        contract.apps().keySet().forEach(app -> assertThat(healthGated(app)).as(app).contains("keycloak"));
        contract.gatewayTargets().values() // the gateway itself keeps no data and reads no topic
                .forEach(app -> assertThat(healthGated(app)).as(app).contains("kafka", "postgres"));
        assertThat(healthGated("notification-service")).contains("mail", "sms");
        assertThat(healthGated("gateway")).containsAll(contract.gatewayTargets().values());
    }

    @Test
    void onlyTheWayInTheLoginAndTheViewsArePublishedAndOnlyOnLoopback() {
        Map<String, Integer> published = new HashMap<>();
        services.forEach((name, service) -> {
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                String mapping = port.toString();
                assertThat(mapping).as(name).startsWith("127.0.0.1:");
                String[] parts = mapping.split(":");
                assertThat(parts[1]).as(name + ": the same port outside and in").isEqualTo(parts[2]);
                assertThat(published.put(name, Integer.parseInt(parts[1]))).as(name + ": one port").isNull();
            }
        });
        assertThat(published).isEqualTo(contract.published());
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsComposeName() {
        contract.gatewayTargets().forEach((target, app) -> assertThat(env("gateway"))
                .containsEntry("HOUSECALL_GATEWAY_TARGETS_" + target, "http://" + app + ":" + contract.port(app)));
    }

    @Test
    void notificationSendsToTheMailCatcherAndTheSmsSinkAndTheirViewsAnswer() {
        assertThat(env("notification-service"))
                .containsEntry("SPRING_MAIL_HOST", "mail")
                .containsEntry("SPRING_MAIL_PORT", Integer.toString(contract.infraPort("mail", "smtp")))
                .containsEntry("HOUSECALL_SMS_BASE_URL", "http://sms:" + contract.infraPort("sms", "port"))
                .containsEntry("HOUSECALL_SMS_WEBHOOK_BASE_URL", "http://gateway:" + contract.port("gateway"));
        assertThat(env("mail")).containsEntry("HOUSECALL_SMTP_PORT", "3025").containsEntry("HOUSECALL_MAIL_HTTP_PORT",
                Integer.toString(contract.infraPort("mail", "port")));
        assertThat(probe("mail")).containsExactly(Integer.toString(contract.infraPort("mail", "port")), "/health");
        assertThat(probe("sms")).containsExactly(Integer.toString(contract.infraPort("sms", "port")), "/health");
    }

    @Test
    void theAppsTrustTheRealmAndUseTheirOwnDatabasesOnTheServer() {
        contract.apps().keySet().forEach(app -> assertThat(env(app)).as(app)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:" + contract.infraPort("kafka", "port"))
                .containsEntry("HOUSECALL_DB_URL", "jdbc:postgresql://postgres:5432/postgres")
                .containsEntry("HOUSECALL_SECURITY_ISSUER", "http://localhost:8180/realms/housecall")
                .containsEntry("HOUSECALL_SECURITY_JWK_SET_URI",
                        "http://keycloak:8180/realms/housecall/protocol/openid-connect/certs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheDevRealmAndKafkaRunsWithoutZooKeeper() {
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat((List<Object>) keycloak.get("command")).contains("--import-realm", "--http-port=8180");
        assertThat((List<?>) keycloak.get("volumes")).anySatisfy(volume -> assertThat(volume.toString())
                .startsWith("./deploy/keycloak/housecall-realm.json:/opt/keycloak/data/import/"));
        assertThat(env("kafka").get("KAFKA_PROCESS_ROLES")).contains("controller");
    }

    @Test
    void theRepositorysPartsAreBuiltFromItsDockerfilesAsNonRootMultiStageImagesOnJre25() throws IOException {
        Set<String> ours = new java.util.TreeSet<>(contract.apps().keySet());
        ours.addAll(List.of("mail", "sms"));
        for (String part : ours) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) services.get(part).get("build");
            assertThat(build).as(part).containsEntry("context", ".");
            String dockerfile = Files.readString(Contract.ROOT.resolve((String) build.get("dockerfile")));
            List<String> stages = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
            assertThat(stages).as(part).hasSizeGreaterThanOrEqualTo(2);
            assertThat(stages.getLast()).as(part).isEqualTo("FROM eclipse-temurin:25-jre");
            String user = dockerfile.lines().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElse("");
            assertThat(user).as(part).isNotIn("", "USER root", "USER 0");
            assertThat(dockerfile).as(part).contains("HOUSECALL_BIND_ADDRESS=0.0.0.0");
        }
    }

    @Test
    void prometheusScrapesEveryManagementPortByItsComposeName() {
        List<String> targets = new ArrayList<>();
        @SuppressWarnings("unchecked")
        var configs = (List<Map<String, Object>>) Contract.yaml("deploy/prometheus/compose.yml").get("scrape_configs");
        configs.forEach(config -> ((List<Map<String, Object>>) config.get("static_configs"))
                .forEach(statics -> targets.addAll((List<String>) statics.get("targets"))));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(contract.apps().keySet().stream()
                .map(app -> app + ":" + contract.management(app)).toList());
    }

    // --- reading the file ---

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) Contract.yaml("docker-compose.yml").get("services");
    }

    /** The environment with every value as text, as the container sees it. */
    private Map<String, String> env(String service) {
        Map<String, String> env = new HashMap<>();
        ((Map<?, ?>) services.get(service).getOrDefault("environment", Map.of()))
                .forEach((name, value) -> env.put(name.toString(), value.toString()));
        return env;
    }

    /** The port and the path the health check asks. */
    private List<String> probe(String service) {
        Map<?, ?> check = (Map<?, ?>) services.get(service).get("healthcheck");
        assertThat(check).as(service + " health check").isNotNull();
        Matcher matcher = PROBE.matcher(String.join(" ", ((List<?>) check.get("test")).stream()
                .map(Object::toString).toList()));
        assertThat(matcher.find()).as(service + " health check: " + check.get("test")).isTrue();
        return List.of(matcher.group(1), matcher.group(2));
    }

    /** The services this one waits for until they are healthy. */
    private Set<String> healthGated(String service) {
        Set<String> gated = new java.util.TreeSet<>();
        ((Map<?, ?>) services.get(service).getOrDefault("depends_on", Map.of())).forEach((name, condition) -> {
            if (((Map<?, ?>) condition).get("condition").equals("service_healthy")) {
                gated.add(name.toString());
            }
        });
        return gated;
    }
}
