package com.housecall.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up, down and status against pid files and stand-in processes: nothing of the stack is started. */
class LauncherTest {

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @TempDir
    Path root;

    private final List<Process> spawned = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void stopStandIns() {
        spawned.forEach(Process::destroyForcibly);
    }

    @Test
    void upRefusesAPortTakenByAnotherProgramBeforeStartingAnything() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Settings settings = settings(Map.of("HOUSECALL_SMS_PORT", Integer.toString(other.getLocalPort())));

            assertThatThrownBy(() -> run(settings, "up", "--detach", "--only", "sms"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("port " + other.getLocalPort() + " for sms-sink is taken by another program: stop it,"
                            + " or set HOUSECALL_SMS_PORT to a free port");
        }
        assertThat(settings(Map.of()).pids().resolve("sms-sink.pid")).doesNotExist();
    }

    @Test
    void upSaysWhenEverythingAskedForIsAlreadyRunning() throws Exception {
        Settings settings = settings(Map.of());
        Process sink = standIn(settings, Part.SMS_SINK, true);

        assertThat(run(settings, "up", "--only", "sms")).isZero();

        assertThat(output()).contains("sms-sink             already running (pid " + sink.pid() + ")")
                .contains("Housecall is already running; bin/housecall down stops it.");
    }

    @Test
    void downStopsWhatUpStartedAndLeavesAReusedPidAlone() throws Exception {
        Settings settings = settings(Map.of());
        Process sink = standIn(settings, Part.SMS_SINK, true);
        Process stranger = standIn(settings, Part.KAFKA, false); // its pid, but not marked as a part

        assertThat(run(settings, "down")).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.isAlive());
        assertThat(stranger.isAlive()).isTrue();
        assertThat(output()).contains("sms-sink             stopped (pid " + sink.pid() + ")")
                .contains("kafka                was not running");
        assertThat(settings.pids()).isEmptyDirectory();
    }

    @Test
    void newPartsMustTrustTheTokensTheRunningOnesTrust() throws Exception {
        Settings settings = settings(Map.of());
        standIn(settings, Part.KAFKA, true);
        Files.writeString(TokenMode.file(settings), "dev\n");

        assertThatThrownBy(() -> run(settings, "up", "--only", "sms"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("the running parts trust development tokens, not Keycloak's tokens:"
                        + " bin/housecall down first");
    }

    @Test
    void statusExitsThreeUnlessEverythingIsUp() {
        assertThat(run(settings(Map.of()), "status")).isEqualTo(3);
        assertThat(output()).contains("gateway              stopped");
    }

    @Test
    void portsComeFromTheEnvironment() {
        Settings settings = settings(Map.of("HOUSECALL_KEYCLOAK_PORT", "18180", "HOUSECALL_SMTP_PORT", "13025"));

        assertThat(settings.issuer()).isEqualTo("http://localhost:18180/realms/housecall");
        assertThat(Part.MAIL_CATCHER.port(settings, "SMTP")).isEqualTo(13025);
        assertThat(Part.GATEWAY.port(settings)).isEqualTo(8080);
        assertThatThrownBy(() -> Part.KAFKA.port(settings(Map.of("HOUSECALL_KAFKA_PORT", "nine")))).hasMessage(
                "HOUSECALL_KAFKA_PORT is not a port: nine");
    }

    @Test
    void aSecondInstanceIsRefusedWhileItsFirstIsNotRunning() {
        Settings settings = settings(Map.of("HOUSECALL_DB_URL", POSTGRESQL));

        assertThatThrownBy(() -> run(settings, "up", "--detach", "--second", "dispatch"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("dispatch-service-2 starts beside dispatch-service, which is not running:"
                        + " bin/housecall up --detach first (or add --only dispatch-service)");
        assertThat(settings.pids().resolve("dispatch-service-2.pid")).doesNotExist();
    }

    @Test
    void aSecondInstanceIsRefusedBesideAFirstStartedOnAnotherDatabase() throws Exception {
        Settings settings = settings(Map.of("HOUSECALL_DB_URL", POSTGRESQL));
        Process first = standIn(settings, Part.BOOKING, true, Map.of()); // started on the H2 default

        assertThatThrownBy(() -> run(settings, "up", "--detach", "--second", "booking"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("booking-service (pid " + first.pid() + ") runs on the embedded H2 default, not "
                        + POSTGRESQL + ": the second instance must share its database (bin/housecall down, then up"
                        + " with HOUSECALL_DB_URL set)");
    }

    @Test
    void statusListsASecondInstanceOnceStartedLogsShowsItAndDownStopsIt() throws Exception {
        Settings settings = settings(Map.of("HOUSECALL_DB_URL", POSTGRESQL));
        assertThat(run(settings, "status")).isEqualTo(3);
        assertThat(output()).doesNotContain("dispatch-service-2");

        Process first = standIn(settings, Part.DISPATCH, true);
        Process second = standIn(settings, Part.DISPATCH_2, true);
        Files.createDirectories(settings.logs());
        Files.writeString(settings.logs().resolve("dispatch-service-2.log"), "Started DispatchApplication\n");
        run(settings, "status");
        run(settings, "logs", "dispatch-service-2");
        assertThat(output()).containsPattern("dispatch-service-2   unhealthy pid " + second.pid()
                + " +http://localhost:8183").contains("Started DispatchApplication");

        second.destroyForcibly().waitFor(); // what a fault does to one of the two, through its pid file
        assertThat(run(settings, "status")).isEqualTo(3);
        assertThat(output()).contains("dispatch-service-2   stopped ");
        assertThat(first.isAlive()).isTrue();

        Process again = standIn(settings, Part.DISPATCH_2, true);
        assertThat(run(settings, "down")).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !again.isAlive() && !first.isAlive());
        assertThat(output()).contains("dispatch-service-2   stopped (pid " + again.pid() + ")");
        assertThat(settings.pids()).isEmptyDirectory();
    }

    /** status is often run from another shell than up was, without HOUSECALL_DB_URL. */
    @Test
    void statusListsTheDatabaseProxyOnlyWhileItRunsWhateverTheEnvironment() throws Exception {
        assertThat(run(settings(Map.of()), "status")).isEqualTo(3);
        assertThat(output()).doesNotContain("db-proxy");

        Process proxy = standIn(settings(Map.of()), Part.DB_PROXY, true);
        run(settings(Map.of()), "status");
        assertThat(output()).containsPattern("db-proxy +\\S+ +pid " + proxy.pid() + " +postgresql 127.0.0.1:5442 ");
        run(settings(Map.of("HOUSECALL_DB_URL", POSTGRESQL)), "status");
        assertThat(output()).contains("postgresql 127.0.0.1:5442 -> 127.0.0.1:5432");
    }

    private Settings settings(Map<String, String> env) {
        return Settings.of(root, env);
    }

    private int run(Settings settings, String... args) {
        return Housecall.run(settings, "", List.of(args), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** A process in place of a part, with its pid file; marked on its command line as up marks the parts. */
    private Process standIn(Settings settings, Part part, boolean marked) throws IOException {
        return standIn(settings, part, marked, settings.env());
    }

    /** ... started with {@code env} as its whole environment (which {@code up} reads from /proc). */
    private Process standIn(Settings settings, Part part, boolean marked, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "sleep 60; :"));
        if (marked) {
            command.addAll(new Processes(settings).markers(part)); // $0 and $1 of the script: kept in its cmdline
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Process process = builder.start();
        spawned.add(process);
        Files.createDirectories(settings.pids());
        Files.writeString(settings.pids().resolve(part.id() + ".pid"), process.pid() + "\n");
        return process;
    }
}
