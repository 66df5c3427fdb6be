package com.housecall.localstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak version is written once, as keycloak.version in the root pom: bin/housecall and the tests run it
 * (filtered into this module's resources), and docker-compose.yml's image, which Maven cannot filter, must name it.
 */
class KeycloakVersionTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theRootPomIsTheOnlyPomThatNamesTheVersion() throws IOException {
        Pattern declared = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>");
        Matcher root = declared.matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(root.find()).as("keycloak.version in the root pom").isTrue();
        assertThat(root.group(1)).isEqualTo(KeycloakDistribution.version());

        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            List<Path> others = poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.normalize().equals(ROOT.resolve("pom.xml").normalize()))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> declared.matcher(read(p)).find())
                    .toList();
            assertThat(others).as("poms that declare keycloak.version again").isEmpty();
        }
    }

    @Test
    void composeRunsTheSameKeycloak() throws IOException {
        Matcher image = Pattern.compile("image:\\s*quay\\.io/keycloak/keycloak:(\\S+)")
                .matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertThat(image.find()).as("Keycloak's image in docker-compose.yml").isTrue();
        assertThat(image.group(1)).isEqualTo(KeycloakDistribution.version());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
