package com.housecall.messaging.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.messaging.ServiceDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a service killed with {@code kill -9} right after a commit must still have it when it starts again, or
 * an event whose Kafka offset was already committed is lost for good (two consultations stayed REQUESTED). The
 * embedded default is an H2 file (no {@code HOUSECALL_DB_URL}); H2 writes commits to disk up to its write delay later
 * unless told otherwise. A real process, a real SIGKILL, the service's own database URL.
 */
class KilledServiceKeepsItsCommitsTest {

    private static final int ROWS = 40;

    @TempDir
    Path home;

    @Test
    void everyCommitAnnouncedBeforeASigkillIsThereAfterIt() throws Exception {
        String url = (String) ServiceDatabase.properties("durability-service", Map.of("HOUSECALL_HOME",
                home.toString())).get("spring.datasource.url");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHang.class.getName(), url,
                String.valueOf(ROWS))).redirectErrorStream(true).start();
        int announced = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; announced < ROWS && (line = out.readLine()) != null; ) {
                if (line.startsWith("committed ")) {
                    announced = Integer.parseInt(line.substring("committed ".length()));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(announced).as("commits the child announced").isEqualTo(ROWS);

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM committed")) {
            rows.next();
            assertThat(rows.getInt(1)).as("rows found after the kill").isEqualTo(announced);
        }
    }
}
