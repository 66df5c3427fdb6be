package com.housecall.localstack.launcher;

import com.housecall.localstack.keycloak.KeycloakProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Whether a part answers: each part's own health check, and whether a port is free. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private Health() {
    }

    static boolean healthy(Part part, Settings settings) {
        return switch (part) {
            // an open port is not yet a broker that answers: ask for the topic list too
            case KAFKA, KAFKA_2, KAFKA_3 -> tcpOpen(part.port(settings)) && brokerAnswers(part.port(settings));
            case MAIL_CATCHER, SMS_SINK, DB_PROXY -> httpUp(part.port(settings), "/health");
            // ready, and the realm imported
            case KEYCLOAK -> KeycloakProcess.ready(part.port(settings), part.port(settings, "KEYCLOAK_MANAGEMENT"));
            default -> httpUp(part.port(settings), "/actuator/health");
        };
    }

    /**
     * Taken when something answers on 127.0.0.1 or the port cannot be bound there: else a health check could pass
     * against someone else's server.
     */
    static boolean portTaken(int port) {
        if (tcpOpen(port)) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** 200 with {@code "status":"UP"} in the body. */
    static boolean httpUp(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean brokerAnswers(int port) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 8000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000))) {
            // generous: on a loaded machine a first answer can take seconds, and status asks only once
            admin.listTopics().names().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
