package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecordRowsTest {

    record Message(String messageId, int attemptCount, @Nullable OffsetDateTime sendAt) {
    }

    private JdbcClient jdbc;

    @BeforeEach
    void table() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + ServiceDatabase.H2_POSTGRES_MODE);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE message (message_id VARCHAR(36), attempt_count INT, send_at TIMESTAMP WITH TIME ZONE, "
                + "body VARCHAR(10))").update();
        jdbc.sql("INSERT INTO message VALUES ('m-1', 2, TIMESTAMP WITH TIME ZONE '2026-12-07 09:00:00+00', 'x'), "
                + "('m-2', 0, NULL, 'y')").update();
    }

    @Test
    void snakeCaseColumnsFillCamelCaseComponentsAndOtherColumnsAreIgnored() {
        assertThat(jdbc.sql("SELECT * FROM message ORDER BY message_id").query(RecordRows.of(Message.class)).list())
                .containsExactly(new Message("m-1", 2, OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC)),
                        new Message("m-2", 0, null));
    }

    @Test
    void aComponentWithoutItsColumnIsNamed() {
        assertThatThrownBy(() -> jdbc.sql("SELECT message_id, attempt_count FROM message")
                .query(RecordRows.of(Message.class)).list())
                .hasMessageContaining("sendat");
    }
}
