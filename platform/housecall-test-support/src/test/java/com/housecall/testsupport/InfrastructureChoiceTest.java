package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureChoiceTest {

    @Test
    void aConfiguredPostgresqlWinsEvenWithDocker() {
        assertThat(InfrastructureChoice.database("jdbc:postgresql://127.0.0.1:5432/postgres", true))
                .isEqualTo(InfrastructureChoice.Database.CONFIGURED_POSTGRESQL);
    }

    @Test
    void dockerBringsContainersForTheDatabaseAndTheBroker() {
        assertThat(InfrastructureChoice.database(null, true)).isEqualTo(InfrastructureChoice.Database.POSTGRESQL_CONTAINER);
        assertThat(InfrastructureChoice.broker(true)).isEqualTo(InfrastructureChoice.Broker.KAFKA_CONTAINER);
        assertThat(InfrastructureChoice.identity(true)).isEqualTo(InfrastructureChoice.Identity.KEYCLOAK_CONTAINER);
    }

    @Test
    void aJdkOnlyMachineUsesTheInProcessServers() {
        assertThat(InfrastructureChoice.database("", false)).isEqualTo(InfrastructureChoice.Database.H2);
        assertThat(InfrastructureChoice.broker(false)).isEqualTo(InfrastructureChoice.Broker.EMBEDDED_KRAFT);
        assertThat(InfrastructureChoice.identity(false))
                .isEqualTo(InfrastructureChoice.Identity.KEYCLOAK_DISTRIBUTION);
    }

    @Test
    void dockerCanBeSwitchedOff() {
        assertThat(InfrastructureChoice.dockerAvailable(Map.of("HOUSECALL_TEST_DOCKER", "false", "DOCKER_HOST", "x")))
                .isFalse();
    }
}
