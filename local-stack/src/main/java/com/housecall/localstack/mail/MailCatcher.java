package com.housecall.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.housecall.localstack.Env;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the mail provider: GreenMail takes SMTP from any sender (any credentials), and a
 * small HTTP API shows what arrived, so people and black-box tests can read the mails sent.
 *
 * <pre>
 * GET    /api/messages   [{"id","to","from","subject","text","html","receivedAt"}], oldest first, the newest
 *                        {@value #KEPT} only
 * DELETE /api/messages   forgets them all (204)
 * GET    /health         200 {"status":"UP"}
 * </pre>
 */
public final class MailCatcher implements AutoCloseable {

    private static final String LOOPBACK = Env.LOOPBACK;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY) // keep the contract's field order
            .build();

    /**
     * Mails kept: the newest, the oldest forgotten. Kept all, a long load outgrew the catcher's heap (about 8,000
     * consultations into the fault suite at 500 a scenario: OutOfMemoryError, no SMTP, notification unhealthy).
     */
    static final int KEPT = 2_000;

    private final ArrayDeque<CaughtMail> mails = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final GreenMail smtp;
    private final HttpServer http;
    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable MovingMessage lastCaught;

    private MailCatcher(String host, int smtpPort, int httpPort) throws IOException {
        smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
        http.createContext("/", this::handle);
        http.setExecutor(httpThreads);
    }

    /** Starts both servers; port 0 picks a free one (see {@link #smtpPort()}, {@link #httpPort()}). */
    public static MailCatcher start(int smtpPort, int httpPort) throws IOException {
        return start(LOOPBACK, smtpPort, httpPort);
    }

    /** On {@code host}: loopback, or 0.0.0.0 in a container, whose network is the boundary. */
    public static MailCatcher start(String host, int smtpPort, int httpPort) throws IOException {
        MailCatcher catcher = new MailCatcher(host, smtpPort, httpPort);
        catcher.smtp.start();
        catcher.catchDeliveries();
        catcher.http.start();
        return catcher;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String host = Env.bindAddress();
        MailCatcher catcher = start(host, Env.port("HOUSECALL_SMTP_PORT", 3025),
                Env.port("HOUSECALL_MAIL_HTTP_PORT", 8025));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            catcher.close();
            stopped.countDown();
        }));
        System.out.printf("mail catcher: SMTP on %s:%d, mails at http://%s:%d/api/messages%n",
                host, catcher.smtpPort(), host, catcher.httpPort());
        stopped.await();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.close();
        smtp.stop();
    }

    private void catchDeliveries() {
        // GreenMail calls the handler once per recipient, all in a row under its lock:
        // record each message on its first recipient, then deliver as GreenMail would.
        UserManager users = smtp.getUserManager();
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            synchronized (mails) {
                if (message != lastCaught) {
                    lastCaught = message;
                    mails.addLast(CaughtMail.of(Long.toString(ids.incrementAndGet()), message, Instant.now()));
                    if (mails.size() > KEPT) {
                        mails.removeFirst();
                    }
                    if (ids.get() % KEPT == 0) {
                        try {
                            httpThreads.execute(this::purgeGreenMailCopies);
                        } catch (RejectedExecutionException closing) {
                            // the catcher is closing: the copies go with it
                        }
                    }
                }
            }
            return deliver.handle(message, recipient);
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/api/messages", "/api/messages/" -> {
                    switch (method) {
                        case "GET" -> respondJson(exchange, 200, snapshot());
                        case "DELETE" -> {
                            clear();
                            exchange.sendResponseHeaders(204, -1);
                        }
                        default -> methodNotAllowed(exchange, "GET, DELETE");
                    }
                }
                case "/health" -> {
                    if (method.equals("GET") || method.equals("HEAD")) {
                        respondJson(exchange, 200, Map.of("status", "UP"));
                    } else {
                        methodNotAllowed(exchange, "GET");
                    }
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private List<CaughtMail> snapshot() {
        synchronized (mails) {
            return List.copyOf(mails);
        }
    }

    private void clear() {
        synchronized (mails) {
            mails.clear();
            purgeGreenMailCopies();
        }
    }

    /** GreenMail's own copy of each mail and a user per recipient it created: nothing reads them, memory only grows. */
    private void purgeGreenMailCopies() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot purge GreenMail's mailboxes", e);
        }
        UserManager users = smtp.getUserManager();
        List.copyOf(users.listUser()).forEach(users::deleteUser);
    }

    private static void respondJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        exchange.sendResponseHeaders(405, -1);
    }

}
