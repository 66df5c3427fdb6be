package com.housecall.localstack.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.localstack.Env;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of PostgreSQL that the fault suite can cut the platform off with, as a network partition
 * would: during a cut no byte passes either way and a new connection gets no answer, the connections stay open, and
 * what was sent is delivered when the cut ends (TCP retransmits through a partition this short). JDK only.
 *
 * <pre>
 * HOUSECALL_DB_PROXY_PORT (5442)           -> HOUSECALL_DB_PROXY_TARGET (127.0.0.1:5432)
 * HOUSECALL_DB_PROXY_CONTROL_PORT (8027):  POST /cut?millis=N  the cut starts now and lasts N ms (0: it ends now)
 *                                          GET  /health        200 {"status":"UP"}
 * </pre>
 */
public final class DatabaseProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final HttpServer control;
    // platform threads: a blocking read on one costs less CPU than a virtual thread's park and wake-up through the
    // poller, and this proxy does little else (about 8% of the platform's CPU with virtual threads, bench --short)
    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("db-proxy-", 0).daemon().factory());
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile long cutEndsAt = System.nanoTime();

    private DatabaseProxy(String host, int port, int controlPort, InetSocketAddress target) throws IOException {
        this.target = target;
        listener = new ServerSocket(port, 200, InetAddress.getByName(host));
        control = HttpServer.create(new InetSocketAddress(host, controlPort), 0);
        control.setExecutor(threads);
        control.createContext("/cut", this::cut);
        control.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        control.start();
        threads.submit(this::accept);
    }

    /** Listening on {@code port} (0: any free one) and {@code controlPort}, forwarding to {@code target}. */
    public static DatabaseProxy start(String host, int port, int controlPort, InetSocketAddress target)
            throws IOException {
        return new DatabaseProxy(host, port, controlPort, target);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String[] target = Env.get("HOUSECALL_DB_PROXY_TARGET", "127.0.0.1:5432").split(":");
        DatabaseProxy proxy = start(Env.bindAddress(), Env.port("HOUSECALL_DB_PROXY_PORT", 5442),
                Env.port("HOUSECALL_DB_PROXY_CONTROL_PORT", 8027),
                new InetSocketAddress(target[0], Integer.parseInt(target[1])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }));
        System.out.printf("database proxy: %d -> %s, cut with POST http://127.0.0.1:%d/cut?millis=N%n", proxy.port(),
                proxy.target, proxy.controlPort());
        stopped.await();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int controlPort() {
        return control.getAddress().getPort();
    }

    /** Cuts every connection off for {@code millis} from now (0 ends a cut). */
    public void cut(long millis) {
        cutEndsAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private void cut(HttpExchange exchange) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        if (!exchange.getRequestMethod().equals("POST") || !query.matches("millis=\\d{1,9}")) {
            respond(exchange, 400, "{\"error\":\"POST /cut?millis=N\"}");
            return;
        }
        long millis = Long.parseLong(query.substring("millis=".length()));
        cut(millis);
        System.out.printf("database proxy: cut for %d ms%n", millis);
        respond(exchange, 200, "{\"millis\":" + millis + "}");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.submit(() -> connect(client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("database proxy: accept failed: " + e);
                }
            }
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        try (client; Socket upstream = new Socket()) {
            sockets.add(upstream);
            awaitNoCut();
            upstream.connect(target, 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            threads.submit(() -> copy(upstream.getInputStream(), client.getOutputStream(), client));
            copy(client.getInputStream(), upstream.getOutputStream(), upstream);
        } catch (IOException | InterruptedException e) {
            // the client or the server hung up (or the proxy stops): both sides close
        } finally {
            sockets.remove(client);
        }
    }

    /** Until {@code in} ends; then {@code to} is closed, which ends the other direction too. */
    private Void copy(InputStream in, OutputStream out, Socket to) throws IOException, InterruptedException {
        byte[] buffer = new byte[16 * 1024];
        try (to) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                awaitNoCut();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // closed from the other side
        } finally {
            sockets.remove(to);
        }
        return null;
    }

    private void awaitNoCut() throws InterruptedException {
        for (long left; (left = cutEndsAt - System.nanoTime()) > 0; ) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100))); // the cut itself
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        control.stop(0);
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
