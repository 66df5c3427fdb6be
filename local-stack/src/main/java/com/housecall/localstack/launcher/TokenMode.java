package com.housecall.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which tokens the services and the gateway trust: Keycloak's (the default), or development tokens signed with the
 * key in {@code .housecall/dev-jwt} ({@code up --dev-tokens} or {@code HOUSECALL_DEV_TOKENS=1}). Kept in
 * {@code .housecall/token-mode}, so {@code token} prints the kind the running platform trusts.
 */
enum TokenMode {
    KEYCLOAK("Keycloak's tokens"), DEV("development tokens");

    private final String words;

    TokenMode(String words) {
        this.words = words;
    }

    static Path file(Settings settings) {
        return settings.state().resolve("token-mode");
    }

    /** What {@code up} was last told, else {@code HOUSECALL_DEV_TOKENS}. */
    static TokenMode current(Settings settings) {
        try {
            Path file = file(settings);
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip().equals("dev") ? DEV : KEYCLOAK;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings.devTokensByDefault() ? DEV : KEYCLOAK;
    }

    /** The mode of this {@code up}; the parts already running must trust the same kind of token. */
    static TokenMode choose(Settings settings, boolean devTokensFlag, Processes processes) {
        TokenMode wanted = devTokensFlag || settings.devTokensByDefault() ? DEV : KEYCLOAK;
        Path file = file(settings);
        boolean anyRunning = Arrays.stream(Part.values()).anyMatch(p -> processes.running(p).isPresent());
        if (Files.isRegularFile(file) && current(settings) != wanted && anyRunning) {
            throw new LaunchException("the running parts trust " + current(settings).words + ", not "
                    + wanted.words + ": bin/housecall down first");
        }
        try {
            Files.createDirectories(settings.state());
            Files.writeString(file, (wanted == DEV ? "dev" : "keycloak") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wanted;
    }
}
