package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's container as the tests would start it with Docker, checked without Docker: the development machines
 * have no engine, so the container itself is not started here (KeycloakServerIT runs the distribution).
 */
class KeycloakContainersTest {

    @Test
    void theContainerRunsTheRootPomsKeycloakWithTheRunsAdminAndImportsTheDevRealm() {
        KeycloakContainers.Setup setup =
                KeycloakContainers.Setup.of(KeycloakServer.version(), "admin-of-run", "pw", "");

        assertThat(setup.image()).isEqualTo("quay.io/keycloak/keycloak:" + KeycloakServer.version());
        assertThat(setup.admin()).isEqualTo("admin-of-run");
        assertThat(setup.adminPassword()).isEqualTo("pw");
        assertThat(setup.importedAs()).isEqualTo("/opt/keycloak/data/import/housecall-realm.json");
        // local-stack's copy of deploy/keycloak/housecall-realm.json, found as the container would take it
        assertThat(Path.of(setup.realmFile().getResolvedPath())).isRegularFile();
    }

    @Test
    void anotherRealmFileIsTakenFromThisHost() {
        Path production = Path.of("../../deploy/keycloak/housecall-realm-production.json")
                .toAbsolutePath().normalize();

        KeycloakContainers.Setup setup = KeycloakContainers.Setup.of("26.5.6", "a", "b", production.toString());

        assertThat(setup.importedAs()).isEqualTo("/opt/keycloak/data/import/housecall-realm-production.json");
        assertThat(Path.of(setup.realmFile().getResolvedPath())).isEqualTo(production);
    }

    @Test
    void withoutDockerTheTestsRunTheDistribution() {
        boolean docker = InfrastructureChoice.dockerAvailable(Map.of("HOUSECALL_TEST_DOCKER", "false"));

        assertThat(InfrastructureChoice.identity(docker))
                .isEqualTo(InfrastructureChoice.Identity.KEYCLOAK_DISTRIBUTION);
    }
}
