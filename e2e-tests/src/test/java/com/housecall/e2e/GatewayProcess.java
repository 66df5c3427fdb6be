package com.housecall.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway as its own process, from the jar the reactor built before this module: it is a reactive
 * application and would not share a classpath well with the four servlet services.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    /** Starts the gateway on {@code port} (see {@link #freePort()}: a service may need its URL before it runs). */
    GatewayProcess(int port, Map<String, String> properties) {
        Path jar = Path.of("..", "gateway", "target", "gateway.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + ": build the gateway first (./mvnw verify builds it before e2e-tests)");
        }
        this.port = port;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + port));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("gateway.log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the gateway", e);
        }
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("UP"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
