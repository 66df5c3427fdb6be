package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What KeycloakServer needs before it starts anything, from any module: the version and Maven's zip. */
class KeycloakDistributionTest {

    @Test
    void theVersionComesFromThePom() {
        assertThat(KeycloakServer.version()).matches("2[6-9]\\.\\d+\\.\\d+");
    }

    @Test
    void theZipIsTheOneMavenResolved() {
        assertThat(KeycloakDistribution.locateZip(KeycloakServer.version()))
                .satisfies(zip -> assertThat(Files.isRegularFile(zip)).isTrue())
                .hasFileName("keycloak-quarkus-dist-" + KeycloakServer.version() + ".zip");
    }
}
