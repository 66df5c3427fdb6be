package com.housecall.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** bin/housecall runs the Keycloak of this module's pom; the tests run housecall-test-support's: the same one. */
class KeycloakVersionTest {

    private static final Pattern VERSION = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>");

    @Test
    void localStackRunsTheKeycloakTheTestsRun() throws Exception {
        assertThat(version(Path.of("pom.xml")))
                .isEqualTo(version(Path.of("../platform/housecall-test-support/pom.xml")));
    }

    private static String version(Path pom) throws Exception {
        Matcher matcher = VERSION.matcher(Files.readString(pom));
        assertThat(matcher.find()).as("keycloak.version in %s", pom).isTrue();
        return matcher.group(1);
    }
}
