package com.housecall.testsupport;

import com.housecall.localstack.tokens.DemoUsers;
import com.housecall.localstack.tokens.DevTokens;
import com.housecall.localstack.tokens.PemKeys;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;

/**
 * Tokens for a demo user of {@link DemoUsers}, shaped like the housecall realm's by local-stack's {@link DevTokens}
 * (what {@code bin/housecall up --dev-tokens} issues too) and signed with a key made for this test JVM, which
 * services accept through {@code housecall.security.public-key-location} = {@link #publicKeyLocation()}.
 */
public final class DevJwt {

    private static Path publicKeyFile;

    private DevJwt() {
    }

    public static String token(String username) {
        return token(username, claims -> claims);
    }

    /** A token for a demo user, its claims changed by {@code change} (expired, other audience, ...). */
    public static String token(String username, UnaryOperator<JWTClaimsSet.Builder> change) {
        return DevTokens.sign(PerJvm.KEYS, username, change);
    }

    /** A Spring resource location of this JVM's public key in PEM. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("housecall-dev-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, PemKeys.pem("PUBLIC KEY", PerJvm.KEYS.getPublic().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

    /** Made on first use only. */
    private static final class PerJvm {

        static final KeyPair KEYS = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
