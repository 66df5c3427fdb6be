package com.housecall.messaging.durability;

import com.housecall.messaging.ServiceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;

/**
 * What {@code WRITE_DELAY=0} costs the embedded database: single-row commits a second, the service's H2 URL beside
 * the same URL with H2's default write delay, alternating rounds. Not a test; run it by hand (see the messaging README).
 */
public final class CommitRate {

    private CommitRate() {
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path home = Files.createTempDirectory("commit-rate");
        String durable = (String) ServiceDatabase.properties("rate-service", Map.of("HOUSECALL_HOME",
                home.toString())).get("spring.datasource.url");
        String delayed = durable.replace(";WRITE_DELAY=0", "").replace("rate-service", "rate-delayed");
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d: WRITE_DELAY=0 %,.0f commits/s, H2 default %,.0f commits/s%n", round,
                    rate(durable, commits), rate(delayed, commits));
        }
    }

    private static double rate(String url, int commits) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement reset = connection.createStatement()) {
                reset.execute("DROP TABLE IF EXISTS committed");
                reset.execute("CREATE TABLE committed (n INT PRIMARY KEY, payload VARCHAR(200))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO committed VALUES (?, ?)")) {
                long began = System.nanoTime();
                for (int n = 0; n < commits; n++) {
                    insert.setInt(1, n);
                    insert.setString(2, "an outbox row of about this size ".repeat(5));
                    insert.executeUpdate();
                }
                return commits / ((System.nanoTime() - began) / 1e9);
            }
        }
    }
}
