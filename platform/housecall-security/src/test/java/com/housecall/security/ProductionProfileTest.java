package com.housecall.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

/** A development key signs tokens of any role: the production profile refuses to start with one. */
class ProductionProfileTest {

    @TempDir
    Path dir;

    private SecurityProperties withDevelopmentKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return new SecurityProperties("http://localhost:8180/realms/housecall", "housecall-api", null,
                new FileSystemResource(pem));
    }

    @Test
    void productionRefusesADevelopmentKeyAndSaysWhichSetting() throws Exception {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles(TokenChecks.PRODUCTION);

        assertThatThrownBy(() -> TokenChecks.developmentKey(withDevelopmentKey(), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("housecall.security.public-key-location");
    }

    @Test
    void outsideProductionTheDevelopmentKeyIsUsedAndWithoutOneTheRealmsKeys() throws Exception {
        MockEnvironment local = new MockEnvironment();

        assertThat(TokenChecks.developmentKey(withDevelopmentKey(), local)).isPresent();
        assertThat(TokenChecks.developmentKey(new SecurityProperties("http://localhost:8180/realms/housecall",
                "housecall-api", null, null), local)).isEmpty();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles(TokenChecks.PRODUCTION);
        assertThat(TokenChecks.developmentKey(new SecurityProperties("https://id.example/realms/housecall",
                "housecall-api", null, null), production)).isEmpty();
    }
}
