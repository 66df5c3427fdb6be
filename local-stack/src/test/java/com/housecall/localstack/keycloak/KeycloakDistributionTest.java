package com.housecall.localstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What bin/housecall and the tests' KeycloakServer need before they start anything: the version, Maven's zip. */
class KeycloakDistributionTest {

    @Test
    void theVersionComesFromThePom() {
        assertThat(KeycloakDistribution.version()).matches("2[6-9]\\.\\d+\\.\\d+");
    }

    @Test
    void theZipIsTheOneMavenResolved() {
        assertThat(KeycloakDistribution.locateZip(KeycloakDistribution.version()))
                .satisfies(zip -> assertThat(Files.isRegularFile(zip)).isTrue())
                .hasFileName("keycloak-quarkus-dist-" + KeycloakDistribution.version() + ".zip");
    }
}
