package com.housecall.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up --second <service>}: which instance, its ports, id, command line and environment; nothing is started. */
class SecondInstanceTest {

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>(Map.of("HOUSECALL_DB_URL", POSTGRESQL));

    @Test
    void secondNamesAServiceByAliasOrModuleAndStartsOnlyItsSecondInstance() {
        Up.Options options = Housecall.upOptions(List.of("--detach", "--second", "dispatch"), settings());

        assertThat(options.second()).contains(Part.DISPATCH_2);
        assertThat(options.detach()).isTrue();
        assertThat(Housecall.upOptions(List.of("--second=booking-service"), settings()).second())
                .contains(Part.BOOKING_2);
        assertThat(Plan.select(options.only(), false, options.second())).containsExactly(Part.DISPATCH_2);
        assertThat(Plan.select("kafka,dispatch", false, options.second()))
                .containsExactly(Part.KAFKA, Part.DISPATCH, Part.DISPATCH_2);
        assertThat(Housecall.upOptions(List.of("--detach"), settings()).second()).isEmpty();
    }

    @Test
    void helpDescribesTheOption() {
        assertThat(Commands.usage(settings())).contains("[--second SERVICE]")
                .contains("--second      a second instance of booking, screening, dispatch or notification")
                .contains("ports first's + 100").contains("Needs PostgreSQL (HOUSECALL_DB_URL)");
    }

    @Test
    void onlyTheFourServicesHaveASecondInstance() {
        for (String other : List.of("gateway", "console", "kafka", "keycloak")) {
            assertThatThrownBy(() -> Housecall.upOptions(List.of("--second", other), settings()))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("--second takes booking, screening, dispatch or notification");
        }
        assertThatThrownBy(() -> Housecall.upOptions(List.of("--second"), settings()))
                .hasMessage("--second needs a service, e.g. --second dispatch");
        assertThatThrownBy(() -> Housecall.upOptions(List.of("--second", "billing"), settings()))
                .hasMessageStartingWith("unknown part 'billing'");
    }

    @Test
    void aSecondInstanceIsRefusedOnTheEmbeddedH2DefaultSayingWhy() {
        env.remove("HOUSECALL_DB_URL");

        assertThatThrownBy(() -> Housecall.upOptions(List.of("--detach", "--second", "screening"), settings()))
                .isInstanceOf(LaunchException.class)
                .hasMessage("a second screening-service needs PostgreSQL (HOUSECALL_DB_URL="
                        + "jdbc:postgresql://127.0.0.1:5432/postgres): on the embedded H2 default each service keeps"
                        + " its data in one file, which only one process may open");

        env.put("HOUSECALL_DB_URL", "jdbc:h2:file:/tmp/elsewhere");
        assertThatThrownBy(() -> Housecall.upOptions(List.of("--second", "screening"), settings()))
                .hasMessageStartingWith("a second screening-service needs PostgreSQL");
    }

    @Test
    void onlyNeverStartsASecondInstance() {
        assertThatThrownBy(() -> Plan.select("kafka,dispatch-service-2", false))
                .isInstanceOf(LaunchException.class)
                .hasMessage("dispatch-service-2 is started with --second dispatch-service");
        assertThat(Plan.select("", false)).noneMatch(Part::isSecond);
    }

    @Test
    void theSecondInstanceHasItsOwnPartIdPidFileAndLog() {
        Processes processes = new Processes(settings());

        assertThat(Part.DISPATCH_2.id()).isEqualTo("dispatch-service-2");
        assertThat(Part.named("dispatch-service-2")).isEqualTo(Part.DISPATCH_2);
        assertThat(Part.named("dispatch-2")).isEqualTo(Part.DISPATCH_2);
        assertThat(processes.pidFile(Part.DISPATCH_2)).hasFileName("dispatch-service-2.pid");
        assertThat(processes.log(Part.DISPATCH_2)).hasFileName("dispatch-service-2.log");
        assertThat(processes.markers(Part.DISPATCH_2)).contains("-Dhousecall.part=dispatch-service-2")
                .doesNotContain("-Dhousecall.part=dispatch-service");
        assertThat(Part.DISPATCH_2.module()).isEqualTo("dispatch-service");
        assertThat(Part.names()).doesNotContain("-2");
    }

    @Test
    void itsPortsAreTheFirstsPlusAHundredUnlessItsOwnVariablesSayOtherwise() {
        assertThat(Part.BOOKING_2.port(settings())).isEqualTo(8181);
        assertThat(Part.NOTIFICATION_2.port(settings(), "NOTIFICATION_2_MANAGEMENT")).isEqualTo(9284);

        env.put("HOUSECALL_DISPATCH_PORT", "18083");
        env.put("HOUSECALL_DISPATCH_MANAGEMENT_PORT", "19183");
        assertThat(Part.DISPATCH_2.port(settings())).isEqualTo(18183);
        assertThat(Part.DISPATCH_2.port(settings(), "DISPATCH_2_MANAGEMENT")).isEqualTo(19283);

        env.put("HOUSECALL_DISPATCH_2_PORT", "7083");
        env.put("HOUSECALL_DISPATCH_2_MANAGEMENT_PORT", "7183");
        assertThat(Part.DISPATCH_2.port(settings())).isEqualTo(7083);
        assertThat(Part.DISPATCH_2.port(settings(), "DISPATCH_2_MANAGEMENT")).isEqualTo(7183);
        assertThat(Part.DISPATCH_2.ports()).extracting(Part.PortName::variable)
                .containsExactly("HOUSECALL_DISPATCH_2_PORT", "HOUSECALL_DISPATCH_2_MANAGEMENT_PORT");
    }

    @Test
    void itRunsTheFirstsJarOptionsAndAotCacheWithItsOwnPortsAndInstanceId() throws IOException {
        Path jar = new Build(settings()).jar(Part.BOOKING_2);
        trainedCacheOf(Part.BOOKING, jar);

        Launch.Command second = launch().app(Part.BOOKING_2, jar, false, true);
        Launch.Command first = launch().app(Part.BOOKING, jar, false, true);

        assertThat(jar).isEqualTo(root.resolve("booking-service/target/booking-service.jar"));
        assertThat(second.command()).contains("-Dhousecall.part=booking-service-2", "-Xmx192m",
                        "-XX:AOTCache=" + new AotCache(settings()).cache(Part.BOOKING))
                .containsSequence(JvmOptions.of(Part.BOOKING, settings()))
                .containsSequence(first.command().subList(first.command().indexOf("-XX:+UseSerialGC"),
                        first.command().size()));
        assertThat(second.env()).containsEntry("SERVER_PORT", "8181")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9281")
                .containsEntry("HOUSECALL_INSTANCE_ID", SecondInstance.instanceId(settings()))
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", first.env().get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        // the first keeps the id it had (the host name), so a restart of it keeps its static membership
        assertThat(first.env()).doesNotContainKeys("HOUSECALL_INSTANCE_ID", "MANAGEMENT_SERVER_PORT");
        assertThat(SecondInstance.instanceId(settings())).endsWith("-2").hasSizeGreaterThan(2);
    }

    @Test
    void itsInstanceIdFollowsTheFirstsWhenTheEnvironmentSetsOne() {
        env.put("HOUSECALL_INSTANCE_ID", "node-a");

        assertThat(launch().app(Part.SCREENING_2, root.resolve("s.jar"), false, true).env())
                .containsEntry("HOUSECALL_INSTANCE_ID", "node-a-2");
    }

    @Test
    void aSecondDispatchSeedsNoRosterAndASecondNotificationSendsToTheSameSinks() {
        Map<String, String> dispatch = launch().app(Part.DISPATCH_2, root.resolve("d.jar"), false, true).env();
        Map<String, String> notification = launch().app(Part.NOTIFICATION_2, root.resolve("n.jar"), false, true)
                .env();
        Map<String, String> firstNotification = launch().app(Part.NOTIFICATION, root.resolve("n.jar"), false, true)
                .env();

        assertThat(dispatch).containsEntry("HOUSECALL_DISPATCH_DEMOROSTER", "false");
        assertThat(notification).containsEntry("SPRING_MAIL_PORT", firstNotification.get("SPRING_MAIL_PORT"))
                .containsEntry("HOUSECALL_SMS_BASE_URL", firstNotification.get("HOUSECALL_SMS_BASE_URL"))
                .containsEntry("SERVER_PORT", "8184");
    }

    /** Started before any second instance, the gateway is told both addresses of each service that may have one. */
    @Test
    void theGatewayIsToldBothInstancesOfEachServiceThatMayHaveTwo() {
        Map<String, String> gateway = launch().appEnvironment(Part.GATEWAY, false, true);

        assertThat(gateway).containsEntry("HOUSECALL_GATEWAY_TARGETS_BOOKING",
                        "http://localhost:8081,http://localhost:8181")
                .containsEntry("HOUSECALL_GATEWAY_TARGETS_NOTIFICATION", "http://localhost:8084,http://localhost:8184")
                .containsEntry("HOUSECALL_GATEWAY_TARGETS_CONSOLE", "http://localhost:8085");
    }

    /** What a training run of the first leaves: the second starts from the same cache. */
    private void trainedCacheOf(Part first, Path jar) throws IOException {
        AotCache cache = new AotCache(settings());
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Files.createDirectories(cache.extractedJar(first).getParent());
        Files.writeString(cache.extractedJar(first), "extracted");
        Files.write(cache.trainedOptions(first), JvmOptions.of(first, settings()));
        Files.writeString(cache.cache(first), "cache");
    }

    private Settings settings() {
        return Settings.of(root, env);
    }

    private Launch launch() {
        return new Launch(settings(), new Processes(settings()), "");
    }
}
