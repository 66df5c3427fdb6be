package com.housecall.e2e;

import com.housecall.booking.BookingApplication;
import com.housecall.console.OperatorConsoleApplication;
import com.housecall.dispatch.DispatchApplication;
import com.housecall.localstack.sms.SmsSink;
import com.housecall.notification.NotificationApplication;
import com.housecall.screening.ScreeningApplication;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.KeycloakServer;
import com.housecall.testsupport.MovableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services, each with its own database, on one broker, a real SMTP server for the mail and the SMS sink
 * for texts. One per test JVM: a second set would join the same consumer groups and take records from the first.
 * Safety alerts repeat every {@link #ALERT_REPEAT} here (15 min in production) so a test can watch them stop.
 */
final class Platform implements AutoCloseable {

    private static Platform shared;

    static final java.time.Duration ALERT_REPEAT = java.time.Duration.ofSeconds(3);
    /** The on-call clinician's phone: pages go to the SMS sink. */
    static final String ON_CALL_PHONE = "+15005550199";

    /** dispatch-service's clock: a visit's hours pass in seconds (VisitRecordIT); tests that move it put it back. */
    final MovableClock dispatchClock = new MovableClock();

    final GreenMail smtp;
    final SmsSink sms;
    /** The spans every service here finishes (the gateway, its own process, keeps its own). */
    final SpanRecorder spans = new SpanRecorder();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> byModule = new java.util.HashMap<>();

    static synchronized Platform shared() {
        if (shared == null) {
            shared = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    final KeycloakServer keycloak;
    final GatewayProcess gateway;
    final int gatewayManagementPort;

    private Platform() {
        keycloak = KeycloakServer.shared();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            sms = SmsSink.start(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot start the SMS sink", e);
        }
        int gatewayPort = GatewayProcess.freePort();
        // the tests ask as the few demo patients again and again (ActiveCourseLimitSecurityTest tests the limit)
        start(BookingApplication.class, "booking-service",
                Map.of("housecall.booking.active-courses-per-patient", 100000));
        start(ScreeningApplication.class, "screening-service", Map.of(
                "housecall.screening.alert-repeat", ALERT_REPEAT.toMillis() + "ms",
                "housecall.screening.alert-poll-interval", "250ms"));
        start(DispatchApplication.class, "dispatch-service", Map.of(
                "housecall.visit-record.poll-interval", "250ms",
                "housecall.visit-record.on-call-phone", ON_CALL_PHONE), dispatchClock);
        start(NotificationApplication.class, "notification-service", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", smtp.getSmtp().getPort(),
                "housecall.sms.base-url", sms.baseUrl(),
                "housecall.sms.account-sid", sms.accountSid(),
                "housecall.sms.auth-token", sms.authToken(),
                "housecall.sms.from", "+15005550006",
                "housecall.notification.on-call.phone", ON_CALL_PHONE,
                // the sink posts delivery callbacks back through the gateway, signed over this URL
                "housecall.sms.webhook-base-url", "http://127.0.0.1:" + gatewayPort,
                // no quiet hours: the tests run at any hour and count the messages a path sends, not when they go
                // (notification-service's own tests cover quiet hours with a movable clock)
                "housecall.notification.quiet-hours.from-hour", 8,
                "housecall.notification.quiet-hours.until-hour", 8));
        start(OperatorConsoleApplication.class, "operator-console", Map.of());
        Map<String, String> gatewaySettings = new java.util.HashMap<>();
        HousecallTestInfrastructure.keycloakProperties().forEach((k, v) -> gatewaySettings.put(k, String.valueOf(v)));
        gatewaySettings.put("housecall.gateway.targets.booking", url("booking-service"));
        gatewaySettings.put("housecall.gateway.targets.screening", url("screening-service"));
        gatewaySettings.put("housecall.gateway.targets.dispatch", url("dispatch-service"));
        gatewaySettings.put("housecall.gateway.targets.notification", url("notification-service"));
        gatewaySettings.put("housecall.gateway.targets.console", url("operator-console"));
        // the tests poll as the demo patients (GatewayIT and ClinicRateLimitScenario test the limit itself)
        gatewaySettings.put("housecall.gateway.patient-rate-limit", "100000");
        // a free port, not the gateway's 9180, which a running bin/housecall holds
        gatewayManagementPort = GatewayProcess.freePort();
        gatewaySettings.put("management.server.port", String.valueOf(gatewayManagementPort));
        gateway = new GatewayProcess(gatewayPort, gatewaySettings);
    }

    private record Issued(String token, java.time.Instant at) {
    }

    private final Map<String, Issued> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A real access token from Keycloak for a demo user or partner client, reused for a minute. */
    String token(String user) {
        java.time.Instant now = java.time.Instant.now();
        return tokens.compute(user, (name, issued) -> issued != null && issued.at().isAfter(now.minusSeconds(60))
                ? issued : new Issued(keycloak.token(name), now)).token();
    }

    private ConfigurableApplicationContext start(Class<?> application, String module, Map<String, Object> extra) {
        return start(application, module, extra, null);
    }

    /** {@code clock} (when given) replaces the service's system clock. */
    private ConfigurableApplicationContext start(Class<?> application, String module, Map<String, Object> extra,
                                                 java.time.Clock clock) {
        Map<String, Object> properties =
                new java.util.HashMap<>(HousecallTestInfrastructure.propertiesWithKeycloak(module));
        properties.put("server.port", 0);
        // finished spans reach the recorder soon, not after the default five seconds
        properties.put("management.opentelemetry.tracing.export.schedule-delay", "100ms");
        properties.putAll(extra);
        // as command-line arguments, so they outrank the service's own configuration file
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .initializers(created -> {
                    created.getBeanFactory().registerSingleton("e2eSpanRecorder", spans);
                    if (clock != null) {
                        created.getBeanFactory().registerSingleton("e2eClock", clock);
                    }
                })
                .run(args);
        services.add(context);
        byModule.put(module, context);
        return context;
    }

    /** The base URL of a service, e.g. {@code url("dispatch-service")}. */
    String url(String module) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) byModule.get(module)).getWebServer().getPort();
    }

    /** Each part's management port (a free one here), the gateway's included, by module name. */
    Map<String, Integer> managementPorts() {
        Map<String, Integer> ports = new java.util.TreeMap<>();
        byModule.forEach((module, context) -> ports.put(module,
                context.getEnvironment().getRequiredProperty("local.management.port", Integer.class)));
        ports.put("gateway", gatewayManagementPort);
        return ports;
    }

    @Override
    public void close() {
        gateway.close();
        services.reversed().forEach(ConfigurableApplicationContext::close);
        smtp.stop();
        sms.close();
    }
}
