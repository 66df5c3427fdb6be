package com.housecall.localstack.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Where each running part answers, the demo logins and how to go on: printed once {@code up} is done. */
final class Summary {

    private final Settings settings;
    private final Processes processes;
    private final PrintStream out;

    Summary(Settings settings, Processes processes, PrintStream out) {
        this.settings = settings;
        this.processes = processes;
        this.out = out;
    }

    static String address(Part part, Settings settings) {
        return switch (part) {
            case KAFKA, KAFKA_2, KAFKA_3 -> "127.0.0.1:" + part.port(settings) + " (controller "
                    + part.port(settings, part.ports().get(1)) + ")";
            case MAIL_CATCHER -> "smtp 127.0.0.1:" + part.port(settings, "SMTP") + "  " + url(part.port(settings))
                    + "/api/messages";
            case SMS_SINK -> url(part.port(settings)) + "/api/messages (Twilio Messages API, "
                    + settings.smsAccountSid() + ")";
            case KEYCLOAK -> settings.issuer() + " (health " + url(part.port(settings, "KEYCLOAK_MANAGEMENT"))
                    + "/health/ready)";
            // status may run without the variables up had
            case DB_PROXY -> "postgresql 127.0.0.1:" + part.port(settings, "DB_PROXY")
                    + (settings.databaseUrl().isBlank() ? "" : " -> " + settings.databaseAddress())
                    + "  (cut: POST " + url(part.port(settings)) + "/cut?millis=N)";
            case GATEWAY -> url(part.port(settings)) + "/api/...  (every API; use this one)";
            default -> url(part.port(settings));
        };
    }

    static String url(int port) {
        return "http://localhost:" + port;
    }

    void print() {
        out.println();
        // the gateway first: it is the way in
        List<Part> order = new ArrayList<>(List.of(Part.GATEWAY));
        for (Part part : Part.values()) {
            if (part != Part.GATEWAY) {
                order.add(part);
            }
        }
        for (Part part : order) {
            if (processes.running(part).isPresent()) {
                out.println("  " + Progress.pad(part.id()) + address(part, settings));
            }
        }
        out.println();
        if (processes.running(Part.GATEWAY).isPresent()) {
            String gateway = url(Part.GATEWAY.port(settings));
            out.println("  Pages: patients %s/app/   clinicians %s/clinician/   nurses %s/nurse/   operators %s/ops/"
                    .formatted(gateway, gateway, gateway, gateway));
        }
        if (TokenMode.current(settings) == TokenMode.DEV) {
            out.println("""
                      No Keycloak (--dev-tokens): tokens are signed with the development key in .housecall/dev-jwt, \
                    for the
                        demo users patient1 patient2 nurse1 clinician1 operator1 and partner clients clinic-a clinic-b \
                    clinic-c.
                        The pages cannot sign in without Keycloak (DECISIONS 36): start without --dev-tokens for them.\
                    """);
        } else {
            out.println("""
                      Demo logins (Keycloak realm %s, %s; password = user name):
                        patient1, patient2 (patient), nurse1 (nurse), clinician1 (clinician), operator1 (operator);
                        partner clinics (client credentials): clinic-a/clinic-a-secret, clinic-b/clinic-b-secret \
                    (clinic);
                        clinic-c signs a client assertion (SMART Backend Services; dev key \
                    deploy/keycloak/clinic-c-private.pem).""".formatted(Settings.REALM, settings.issuer()));
        }
        out.println("""
                  A token for curl, and a call through the gateway:
                    TOKEN=$(bin/housecall token patient1)
                    curl -H "Authorization: Bearer $TOKEN" %s/api/consultations
                  A consultation from request to CONFIRMED and its email, step by step: bin/demo-consultation
                  Logs: .housecall/logs/ (bin/housecall logs <part>)   Status: bin/housecall status   \
                Stop: bin/housecall down""".formatted(url(Part.GATEWAY.port(settings))));
    }
}
