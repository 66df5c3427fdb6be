package com.housecall.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void eachServicesDatabaseIsOnTheServerTheSettingNames() {
        assertThat(Databases.urlOf("jdbc:postgresql://127.0.0.1:5432/postgres", "housecall_booking"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/housecall_booking");
        assertThat(Databases.urlOf("jdbc:postgresql://db:5433/postgres?sslmode=disable", "housecall_dispatch"))
                .isEqualTo("jdbc:postgresql://db:5433/housecall_dispatch?sslmode=disable");
        assertThat(Databases.urlOf("jdbc:postgresql://db:5433", "housecall_x"))
                .isEqualTo("jdbc:postgresql://db:5433/housecall_x");
    }

    @Test
    void thePlatformOnItsEmbeddedDatabasesCannotBeChecked() {
        assertThatThrownBy(() -> Databases.fromEnvironment(Map.of()))
                .hasMessageContaining("start the platform on PostgreSQL");
        assertThatThrownBy(() -> Databases.fromEnvironment(Map.of("HOUSECALL_DB_URL", "jdbc:h2:file:x")))
                .hasMessageContaining("HOUSECALL_DB_URL");
    }
}
