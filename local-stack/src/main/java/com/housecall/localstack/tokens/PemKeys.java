package com.housecall.localstack.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The dev signing key as the two PEM files Spring Security reads: {@code private.pem} (PKCS#8) and
 * {@code public.pem} (X.509 SubjectPublicKeyInfo, what {@code public-key-location} expects).
 */
public final class PemKeys {

    public static final String PRIVATE_PEM = "private.pem";
    public static final String PUBLIC_PEM = "public.pem";

    private PemKeys() {
    }

    /** Creates the key pair in {@code dir} unless it is there, and answers it. Safe to run concurrently. */
    public static KeyPair ensure(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path privatePem = dir.resolve(PRIVATE_PEM);
        if (!Files.exists(privatePem)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair fresh = generator.generateKeyPair();
            Path tmp = writeTemp(dir, pem("PRIVATE KEY", fresh.getPrivate().getEncoded()));
            restrictToOwner(tmp);
            try {
                // A link never replaces: of two concurrent first runs one key wins, and both then use it.
                Files.createLink(privatePem, tmp);
            } catch (FileAlreadyExistsException lostRace) {
                // the other run's key is complete: it was written before being linked
            } finally {
                Files.delete(tmp);
            }
        }
        RSAPrivateCrtKey privateKey = readPrivateKey(privatePem);
        RSAPublicKey publicKey = publicOf(privateKey);
        Path publicPem = dir.resolve(PUBLIC_PEM);
        // Derived from the private key every time, so a stale or missing public.pem cannot disagree with it.
        String publicText = pem("PUBLIC KEY", publicKey.getEncoded());
        if (!Files.exists(publicPem) || !Files.readString(publicPem).equals(publicText)) {
            Files.move(writeTemp(dir, publicText), publicPem,
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new KeyPair(publicKey, privateKey);
    }

    public static RSAPrivateCrtKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        return privateKey(Files.readString(pem));
    }

    /** An RSA private key from PKCS#8 PEM text. */
    public static RSAPrivateCrtKey privateKey(String pem) throws GeneralSecurityException {
        byte[] der = decode(pem, "PRIVATE KEY");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public static RSAPublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        byte[] der = decode(Files.readString(pem), "PUBLIC KEY");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** DER as PEM text of {@code type} ("PUBLIC KEY", ...). */
    public static String pem(String type, byte[] der) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + type + "-----\n" + base64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM '" + type + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    public static RSAPublicKey publicOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static Path writeTemp(Path dir, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, ".key-", ".tmp");
        Files.writeString(tmp, text);
        return tmp;
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder already keeps it private enough for a dev key.
        }
    }
}
