package com.housecall.localstack.launcher;

import com.housecall.localstack.keycloak.KeycloakDistribution;
import com.housecall.localstack.keycloak.KeycloakProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How each part is started: its command line, environment and directory. */
final class Launch {

    /** A part's process to start; {@code env} adds to the launcher's environment, or replaces it. */
    record Command(List<String> command, Map<String, String> env, Path directory, boolean replacesEnvironment) {

        Command(List<String> command, Map<String, String> env, Path directory) {
            this(command, env, directory, false);
        }
    }

    private final Settings settings;
    private final Processes processes;
    private final String classpath;
    private final AotCache aotCache;
    private final KafkaCluster cluster;

    Launch(Settings settings, Processes processes, String classpath) {
        this.settings = settings;
        this.processes = processes;
        this.classpath = classpath;
        this.aotCache = new AotCache(settings);
        this.cluster = new KafkaCluster(settings);
    }

    /** {@code java} marked as the part, with {@code args} after the markers. */
    List<String> java(Part part, List<String> args) {
        List<String> command = new ArrayList<>(List.of(settings.java().toString()));
        command.addAll(processes.markers(part));
        command.addAll(args);
        return command;
    }

    Command mailCatcher() {
        return new Command(java(Part.MAIL_CATCHER, List.of("-Xmx128m", "-cp", classpath,
                "com.housecall.localstack.mail.MailCatcher")), Map.of(
                "HOUSECALL_SMTP_PORT", Integer.toString(Part.MAIL_CATCHER.port(settings, "SMTP")),
                "HOUSECALL_MAIL_HTTP_PORT", Integer.toString(Part.MAIL_CATCHER.port(settings))), settings.root());
    }

    Command smsSink() {
        return new Command(java(Part.SMS_SINK, List.of("-Xmx64m", "-cp", classpath,
                "com.housecall.localstack.sms.SmsSink")), Map.of(
                "HOUSECALL_SMS_PORT", Integer.toString(Part.SMS_SINK.port(settings)),
                "HOUSECALL_SMS_ACCOUNT_SID", settings.smsAccountSid(),
                "HOUSECALL_SMS_AUTH_TOKEN", settings.smsAuthToken()), settings.root());
    }

    Command databaseProxy() {
        return new Command(java(Part.DB_PROXY, List.of("-Xmx64m", "-cp", classpath,
                "com.housecall.localstack.db.DatabaseProxy")), Map.of(
                "HOUSECALL_DB_PROXY_PORT", Integer.toString(Part.DB_PROXY.port(settings, "DB_PROXY")),
                "HOUSECALL_DB_PROXY_CONTROL_PORT", Integer.toString(Part.DB_PROXY.port(settings)),
                "HOUSECALL_DB_PROXY_TARGET", settings.databaseAddress()), settings.root());
    }

    /**
     * Keycloak from the distribution zip Maven resolved for local-stack, unpacked once into
     * {@code local-stack/target/keycloak-<version>} (it survives {@code down --purge}, and Keycloak's one-off build
     * step stays done in it), in dev mode with an in-memory database: the realm file is imported afresh each start.
     * kc.sh passes the {@code -D} markers on to Keycloak's JVM and forwards TERM to it.
     */
    Command keycloak() {
        Path dist;
        try {
            dist = KeycloakDistribution.prepare(settings.root().resolve("local-stack/target"),
                    settings.root().resolve("deploy/keycloak/housecall-realm.json"));
        } catch (IOException e) {
            throw new LaunchException("could not prepare Keycloak's distribution: " + e.getMessage());
        }
        List<String> command = KeycloakProcess.command(dist, Part.KEYCLOAK.port(settings),
                Part.KEYCLOAK.port(settings, "KEYCLOAK_MANAGEMENT"));
        command.addAll(processes.markers(Part.KEYCLOAK));
        Map<String, String> env = new HashMap<>(System.getenv());
        KeycloakProcess.prepareEnvironment(env, settings.javaHome().toString());
        return new Command(command, env, dist, true);
    }

    /**
     * A service or the gateway, from its AOT cache when usable (see {@link AotCache}); a second instance from its
     * first's, which the same jar and options keep usable.
     */
    Command app(Part app, Path jar, boolean devTokens, boolean demo) {
        List<String> options = JvmOptions.of(app, settings);
        List<String> args = new ArrayList<>(options);
        args.addAll(aotCache.launch(app.first(), jar, options));
        return new Command(java(app, args), appEnvironment(app, devTokens, demo), settings.root());
    }

    /** The apps whose AOT cache is to be made before they start. */
    List<Part> untrained(List<Part> apps, Build build) {
        return apps.stream().filter(app -> aotCache.needsTraining(app, build.jar(app), JvmOptions.of(app, settings)))
                .toList();
    }

    /** The app's training run, with the options and environment it will run with; why it failed, or null. */
    String train(Part app, Path jar, boolean devTokens, boolean demo) {
        return aotCache.train(app, jar, JvmOptions.of(app, settings), appEnvironment(app, devTokens, demo),
                processes.log(app));
    }

    /** What a service or the gateway reads from its environment, trusting Keycloak's tokens (dev: the dev key). */
    Map<String, String> appEnvironment(Part app, boolean devTokens, boolean demo) {
        Map<String, String> env = new HashMap<>();
        env.put("HOUSECALL_HOME", settings.state().toString());
        env.put("SERVER_PORT", Integer.toString(app.port(settings)));
        if (settings.databaseProxy()) {
            env.put("HOUSECALL_DB_URL", settings.serviceDatabaseUrl());
        }
        env.put("HOUSECALL_SECURITY_ISSUER", settings.issuer());
        if (devTokens) {
            env.put("HOUSECALL_SECURITY_PUBLIC_KEY_LOCATION", "file:" + settings.devKeys().resolve("public.pem"));
        } else {
            env.put("HOUSECALL_SECURITY_JWK_SET_URI", settings.issuer() + "/protocol/openid-connect/certs");
        }
        if (app == Part.DISPATCH && !demo) {
            env.put("HOUSECALL_DISPATCH_DEMOROSTER", "false");
        }
        if (app == Part.GATEWAY) {
            for (Part target : List.of(Part.BOOKING, Part.SCREENING, Part.DISPATCH, Part.NOTIFICATION, Part.CONSOLE)) {
                String name = target == Part.CONSOLE ? "CONSOLE" : target.id().replace("-service", "").toUpperCase();
                // a service's second instance too, running or not: the gateway sends requests to those ready
                String addresses = Stream.concat(Stream.of(target), target.second().stream())
                        .map(instance -> "http://localhost:" + instance.port(settings))
                        .collect(Collectors.joining(","));
                env.put("HOUSECALL_GATEWAY_TARGETS_" + name, addresses);
            }
        } else {
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrap());
            if (cluster.isCluster()) {
                env.put("HOUSECALL_MESSAGING_REPLICATIONFACTOR", Integer.toString(KafkaCluster.REPLICAS));
            }
        }
        if (app.first() == Part.NOTIFICATION) {
            env.putAll(notification());
        }
        if (app.isSecond()) {
            env.putAll(SecondInstance.environment(app, settings));
        }
        return env;
    }

    private Map<String, String> notification() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(Part.MAIL_CATCHER.port(settings, "SMTP")));
        env.put("HOUSECALL_SMS_BASE_URL", "http://127.0.0.1:" + Part.SMS_SINK.port(settings));
        env.put("HOUSECALL_SMS_ACCOUNT_SID", settings.smsAccountSid());
        env.put("HOUSECALL_SMS_AUTH_TOKEN", settings.smsAuthToken());
        env.put("HOUSECALL_SMS_FROM", settings.smsFrom());
        // what Twilio (here the sink) calls back and signs: the gateway, which lets the webhooks through
        env.put("HOUSECALL_SMS_WEBHOOK_BASE_URL", "http://localhost:" + Part.GATEWAY.port(settings));
        // the demo on-call clinician, paged for each safety alert (the pages land in the sink and the mail catcher)
        env.put("HOUSECALL_ON_CALL_PHONE", settings.get("HOUSECALL_ON_CALL_PHONE", "+15005550199"));
        env.put("HOUSECALL_ON_CALL_EMAIL", settings.get("HOUSECALL_ON_CALL_EMAIL", "on-call@housecall.test"));
        return env;
    }

    /**
     * A Kafka node's server.properties, rewritten each time so changed ports apply to the existing data; the storage
     * is formatted on first use (a cluster's nodes with the cluster id the first formatted one has).
     */
    Command kafka(Part node) {
        Path dir = cluster.directory(node);
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            cluster.checkShape(node);
            Path data = dir.resolve("data");
            int port = node.port(settings);
            Files.writeString(config, cluster.isCluster()
                    ? KafkaConfig.clusterNodeProperties(KafkaCluster.nodeId(node), data, port,
                            cluster.controllerPort(node), cluster.voters())
                    : KafkaConfig.serverProperties(data, port, cluster.controllerPort(node)));
            if (!Files.exists(data.resolve("meta.properties"))) {
                KeycloakDistribution.deleteTree(data); // a half-done format would fail the next
                format(node, config);
                cluster.recordShape(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String opts = settings.get("HOUSECALL_KAFKA_JAVA_OPTS", "-Xms256m -Xmx512m");
        List<String> args = new ArrayList<>(List.of(opts.strip().split("\\s+")));
        args.addAll(List.of("-XX:+UseG1GC", "-Djava.awt.headless=true", "--sun-misc-unsafe-memory-access=allow",
                "-cp", classpath, "kafka.Kafka", config.toString()));
        return new Command(java(node, args), Map.of(), settings.root());
    }

    /** A single node formats as a standalone quorum; a cluster's node has its voters in its configuration. */
    private void format(Part node, Path config) throws IOException {
        String clusterId = cluster.clusterId().orElseGet(() -> org.apache.kafka.common.Uuid.randomUuid().toString());
        List<String> command = new ArrayList<>(List.of(settings.java().toString(),
                "--sun-misc-unsafe-memory-access=allow", "-cp", classpath, "kafka.tools.StorageTool", "format"));
        if (!cluster.isCluster()) {
            command.add("--standalone");
        }
        command.addAll(List.of("-t", clusterId, "-c", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(processes.log(node).toFile()));
        try {
            if (builder.start().waitFor() != 0) {
                throw new LaunchException("could not format Kafka's storage: see .housecall/logs/" + node.id()
                        + ".log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while formatting Kafka's storage");
        }
    }
}
