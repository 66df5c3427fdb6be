package com.housecall.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/ (DECISIONS.md 48), parsed with fabric8's model: a production-shaped deployment of every app of
 * the contract, Strimzi's broker and topics, Keycloak with the production realm, and a kustomization that lists
 * every file.
 */
class KubernetesManifestsTest {

    private static final Pattern SECRET_NAMES = Pattern.compile("PASSWORD|TOKEN|SECRET|ACCOUNT_SID|DB_URL|DB_USER");

    private final Contract contract = Contract.load();
    private final Manifests manifests = Manifests.base();

    @Test
    void everyAppIsADeploymentProbedOnItsManagementPortWithRequestsAndLimits() {
        contract.apps().keySet().forEach(app -> {
            Container container = container(app);
            assertThat(container.getPorts()).as(app).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .contains(org.assertj.core.groups.Tuple.tuple("http", contract.port(app)),
                            org.assertj.core.groups.Tuple.tuple("management", contract.management(app)));
            assertProbe(app, container.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(app, container.getLivenessProbe(), "/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).as(app).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(app).containsKeys("cpu", "memory");
            assertThat(env(container)).as(app).containsEntry("HOUSECALL_MANAGEMENT_ADDRESS", "0.0.0.0")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "production");
            assertThat(deployment(app).getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                    .as(app).isTrue();
        });
    }

    @Test
    void everyAppHasAServiceADisruptionBudgetAndAnAutoscaler() {
        contract.apps().keySet().forEach(app -> {
            Map<String, String> podLabels = deployment(app).getSpec().getTemplate().getMetadata().getLabels();
            Service service = manifests.get(Service.class, app);
            assertThat(podLabels).as(app).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).as(app).anySatisfy(port -> assertThat(port.getPort())
                    .isEqualTo(contract.port(app)));
            PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, app);
            assertThat(podLabels).as(app).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).as(app).isGreaterThanOrEqualTo(1);
            HorizontalPodAutoscaler scaler = manifests.get(HorizontalPodAutoscaler.class, app);
            assertThat(scaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(scaler.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
            // one replica left while the other is drained: the budget can always be met
            assertThat(scaler.getSpec().getMinReplicas()).as(app)
                    .isGreaterThan(budget.getSpec().getMinAvailable().getIntVal());
        });
    }

    @Test
    void onlyTheGatewayIsAdmittedToTheServicesAndEverythingElseIsDeniedByDefault() {
        NetworkPolicy deny = manifests.get(NetworkPolicy.class, "default-deny-ingress");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        // every policy that selects a service's pods admits, on its service port, only the gateway's pods
        Map<String, String> gateway = deployment("gateway").getSpec().getTemplate().getMetadata().getLabels();
        contract.gatewayTargets().values().forEach(app -> {
            Map<String, String> labels = deployment(app).getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = manifests.all(NetworkPolicy.class).stream()
                    .filter(policy -> selects(policy, labels)).toList();
            assertThat(selecting).as(app).isNotEmpty();
            selecting.forEach(policy -> Objects.requireNonNullElse(policy.getSpec().getIngress(),
                    List.<NetworkPolicyIngressRule>of()).forEach(rule -> {
                boolean servicePort = rule.getPorts().stream()
                        .anyMatch(port -> "http".equals(port.getPort().getStrVal())
                                || Integer.valueOf(contract.port(app)).equals(port.getPort().getIntVal()));
                if (servicePort) {
                    assertThat(rule.getFrom()).as(app + " admitted by " + policy.getMetadata().getName())
                            .isNotEmpty().allSatisfy(peer -> assertThat(isPodOf(peer, gateway)).isTrue());
                }
            }));
        });
    }

    @Test
    void secretsComeFromKubernetesSecretsAndNoneIsWrittenHere() {
        assertThat(manifests.all(io.fabric8.kubernetes.api.model.Secret.class)).isEmpty();
        Stream.concat(contract.apps().keySet().stream(), Stream.of("keycloak")).forEach(part -> {
            for (EnvVar variable : deployment(part).getSpec().getTemplate().getSpec().getContainers().getFirst()
                    .getEnv()) {
                if (SECRET_NAMES.matcher(variable.getName()).find()) {
                    assertThat(variable.getValue()).as(part + " " + variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(part + " " + variable.getName())
                            .isNotNull();
                }
            }
        });
        assertThat(env(container("booking-service"))).containsKeys("HOUSECALL_DB_URL", "HOUSECALL_DB_PASSWORD");
        assertThat(env(container("notification-service"))).containsKey("HOUSECALL_SMS_AUTH_TOKEN");
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsServiceName() {
        Map<String, String> env = env(container("gateway"));
        contract.gatewayTargets().forEach((target, app) -> assertThat(env)
                .containsEntry("HOUSECALL_GATEWAY_TARGETS_" + target, "http://" + app + ":" + contract.port(app)));
    }

    @Test
    void strimziRunsThreeBrokersThatKeepTwoInSyncReplicas() {
        GenericKubernetesResource kafka = manifests.custom("Kafka").getFirst();
        assertThat(kafka.getApiVersion()).startsWith("kafka.strimzi.io/");
        Map<?, ?> config = (Map<?, ?>) Manifests.spec(kafka, "kafka.config");
        assertThat(config.get("default.replication.factor")).isEqualTo(3);
        assertThat(config.get("min.insync.replicas")).isEqualTo(2);
        assertThat(config.get("offsets.topic.replication.factor")).isEqualTo(3);
        int brokers = manifests.custom("KafkaNodePool").stream()
                .mapToInt(pool -> (Integer) Manifests.spec(pool, "replicas")).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);
        // the services create what is missing with the same replication factor
        contract.reads().keySet().forEach(app -> assertThat(env(container(app)))
                .containsEntry("HOUSECALL_MESSAGING_REPLICATIONFACTOR", "3"));
    }

    @Test
    void everyTopicAndEveryDeadLetterTopicIsAKafkaTopicWithThreeReplicas() {
        List<String> expected = new ArrayList<>(contract.topics());
        contract.reads().forEach((group, topics) -> topics
                .forEach(topic -> expected.add(topic + "." + group + ".dlq")));
        List<GenericKubernetesResource> topics = manifests.custom("KafkaTopic");
        assertThat(topics).extracting(topic -> (String) Manifests.spec(topic, "topicName"))
                .containsExactlyInAnyOrderElementsOf(expected);
        topics.forEach(topic -> {
            assertThat(Manifests.spec(topic, "replicas")).as(topic.getMetadata().getName()).isEqualTo(3);
            assertThat(((Map<?, ?>) Manifests.spec(topic, "config")).get("min.insync.replicas"))
                    .as(topic.getMetadata().getName()).isEqualTo(2);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    manifests.custom("Kafka").getFirst().getMetadata().getName());
        });
    }

    @Test
    void keycloakImportsTheProductionRealmFromAConfigMapAtTheRootPomsVersion() throws IOException {
        Container keycloak = deployment("keycloak").getSpec().getTemplate().getSpec().getContainers().getFirst();
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(Contract.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(keycloak.getImage()).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
        assertThat(keycloak.getArgs()).contains("start", "--import-realm");
        assertThat(keycloak.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/opt/keycloak/data/import");
            assertThat(deployment("keycloak").getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo(mount.getName());
                        assertThat(volume.getConfigMap().getName()).isEqualTo("keycloak-realm");
                    });
        });
        assertProbe("keycloak", keycloak.getReadinessProbe(), "/health/ready");
        Path realm = Contract.ROOT.resolve("deploy/keycloak");
        assertThat(Manifests.Kustomization.of(realm).files()).containsExactly("housecall-realm-production.json");
        assertThat(Manifests.Kustomization.of(Manifests.KUBERNETES.resolve("base")).resources())
                .contains("../../keycloak");
    }

    @Test
    void everyKustomizationListsEveryFileBesideItAndNothingElse() throws IOException {
        for (Path directory : List.of(Manifests.KUBERNETES.resolve("base"),
                Manifests.KUBERNETES.resolve("overlays/production"))) {
            Manifests.Kustomization kustomization = Manifests.Kustomization.of(directory);
            List<String> listed = new ArrayList<>(kustomization.files());
            kustomization.resources().stream().filter(resource -> !resource.startsWith("..")).forEach(listed::add);
            try (Stream<Path> files = Files.list(directory)) {
                List<String> present = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList();
                assertThat(listed).as(directory.toString()).containsExactlyInAnyOrderElementsOf(present);
            }
            kustomization.resources().stream().filter(resource -> resource.startsWith(".."))
                    .forEach(resource -> assertThat(directory.resolve(resource).resolve("kustomization.yaml"))
                            .as(directory + ": " + resource).isRegularFile());
            // every file parses, the overlay's patches too
            listed.forEach(file -> assertThat(Manifests.parse(directory.resolve(file))).as(file).isNotEmpty());
        }
    }

    // --- helpers ---

    private Deployment deployment(String name) {
        return manifests.get(Deployment.class, name);
    }

    private Container container(String app) {
        List<Container> containers = deployment(app).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(app).hasSize(1);
        return containers.getFirst();
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new java.util.HashMap<>();
        container.getEnv().forEach(variable -> env.put(variable.getName(),
                variable.getValue() != null ? variable.getValue() : "<from " + variable.getValueFrom() + ">"));
        return env;
    }

    private static void assertProbe(String part, Probe probe, String path) {
        assertThat(probe).as(part + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(part).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(part + ": on the management port")
                .isEqualTo("management");
    }

    private static boolean selects(NetworkPolicy policy, Map<String, String> labels) {
        var selector = policy.getSpec().getPodSelector();
        boolean byLabels = selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean byExpressions = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(e -> e.getOperator().equals("In") && e.getValues().contains(labels.get(e.getKey())));
        return byLabels && byExpressions;
    }

    private static boolean isPodOf(NetworkPolicyPeer peer, Map<String, String> labels) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
                && peer.getPodSelector().getMatchLabels() != null
                && labels.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet());
    }
}
