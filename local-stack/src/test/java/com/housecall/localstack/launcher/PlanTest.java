package com.housecall.localstack.launcher;

import static com.housecall.localstack.launcher.Part.BOOKING;
import static com.housecall.localstack.launcher.Part.CONSOLE;
import static com.housecall.localstack.launcher.Part.GATEWAY;
import static com.housecall.localstack.launcher.Part.KAFKA;
import static com.housecall.localstack.launcher.Part.KEYCLOAK;
import static com.housecall.localstack.launcher.Part.MAIL_CATCHER;
import static com.housecall.localstack.launcher.Part.SMS_SINK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void everythingStartsInfrastructureFirstThenTheAppsWithTheGatewayLast() {
        assertThat(Plan.select("", false)).containsExactlyElementsOf(
                Arrays.stream(Part.values()).filter(p -> !p.onRequest()).toList());
        assertThat(Plan.select("", false)).doesNotContain(Part.DB_PROXY)
                .startsWith(KAFKA, MAIL_CATCHER, SMS_SINK, KEYCLOAK, BOOKING).endsWith(GATEWAY);
    }

    @Test
    void onlyKeepsTheStartOrderWhateverTheOrderGivenAndTakesAliases() {
        assertThat(Plan.select("gateway,mail,kafka,booking-service,console", false))
                .containsExactly(KAFKA, MAIL_CATCHER, BOOKING, CONSOLE, GATEWAY);
        assertThat(Plan.select(" sms , sms-sink ", false)).containsExactly(SMS_SINK);
    }

    @Test
    void developmentTokensNeedNoKeycloak() {
        assertThat(Plan.select("", true)).doesNotContain(KEYCLOAK).contains(KAFKA, GATEWAY);
        assertThat(Plan.select("keycloak,kafka", true)).containsExactly(KAFKA);
    }

    @Test
    void anUnknownPartIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Plan.select("kafka,mailpit", false))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("unknown part 'mailpit'").hasMessageContaining("kafka, mail, sms, keycloak");
    }

    @Test
    void keycloakIsLaunchedFirstTheAppsLastAndOnlyWhatIsNotRunning() {
        List<Part> toStart = Plan.toStart(Plan.select("", false), part -> part == MAIL_CATCHER);

        assertThat(Plan.launchOrder(toStart)).containsExactly(KEYCLOAK, KAFKA, SMS_SINK, BOOKING,
                Part.SCREENING, Part.DISPATCH, Part.NOTIFICATION, CONSOLE, GATEWAY);
    }

    @Test
    void downStopsTheAppsBeforeTheInfrastructureTheyStillTalkTo() {
        assertThat(Plan.stopOrder(List.of(KAFKA, KEYCLOAK, GATEWAY, MAIL_CATCHER, BOOKING)))
                .containsExactly(GATEWAY, BOOKING, KAFKA, KEYCLOAK, MAIL_CATCHER);
    }

    @Test
    void theDatabaseProxyStartsBeforeTheServicesOnlyWhenAskedAndOnlyInFrontOfPostgresql() {
        assertThat(Plan.withDatabaseProxy(Plan.select("", false), true)).containsSubsequence(SMS_SINK, Part.DB_PROXY,
                KEYCLOAK, BOOKING);
        assertThat(Plan.withDatabaseProxy(Plan.select("kafka,mail", false), true)).containsExactly(KAFKA,
                MAIL_CATCHER);
        assertThat(Plan.withDatabaseProxy(Plan.select("", false), false)).doesNotContain(Part.DB_PROXY);

        Settings proxied = Settings.of(Path.of("."), Map.of("HOUSECALL_DB_PROXY", "true",
                "HOUSECALL_DB_URL", "jdbc:postgresql://db.internal:6543/postgres?sslmode=disable"));
        assertThat(proxied.databaseAddress()).isEqualTo("db.internal:6543");
        assertThat(proxied.serviceDatabaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5442/postgres?sslmode=disable");
        assertThat(Settings.of(Path.of("."), Map.of("HOUSECALL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"))
                .serviceDatabaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThatThrownBy(() -> Settings.of(Path.of("."), Map.of("HOUSECALL_DB_PROXY", "true")).databaseProxy())
                .isInstanceOf(LaunchException.class).hasMessageContaining("HOUSECALL_DB_URL");
    }
}
