package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/'s monitoring files against the parts: Prometheus scrapes each part's default management port, and the
 * dashboard asks for the metric names of CONTRACT.md section 13 (MetricsIT checks them against live scrapes).
 */
class MonitoringConfigTest {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "housecall.json");
    private static final Path SCRAPE_CONFIG = Path.of("..", "deploy", "prometheus", "prometheus.yml");
    private static final Path COMPOSE_SCRAPE_CONFIG = Path.of("..", "deploy", "prometheus", "compose.yml");
    private static final Set<String> PARTS = Set.of("gateway", "booking-service", "screening-service",
            "dispatch-service", "notification-service", "operator-console");

    @Test
    void prometheusScrapesEveryPartOnItsDefaultManagementPort() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        for (String part : PARTS) {
            Matcher port = Pattern.compile("port: \\$\\{HOUSECALL_[A-Z]+_MANAGEMENT_PORT:(\\d+)}").matcher(
                    Files.readString(Path.of("..", part, "src", "main", "resources", part + ".yml")));
            assertThat(port.find()).as(part).isTrue();
            defaults.put(part, port.group(1));
        }
        assertThat(targets(SCRAPE_CONFIG, "localhost")).isEqualTo(defaults);
        assertThat(defaults.values()).containsExactlyInAnyOrder("9180", "9181", "9182", "9183", "9184", "9185");
        // inside docker-compose each part is its service name, on the same port
        Map<String, String> compose = new TreeMap<>();
        for (String part : PARTS) {
            compose.putAll(targets(COMPOSE_SCRAPE_CONFIG, part));
        }
        assertThat(compose).isEqualTo(defaults);
    }

    /** part to port of every {@code host:port} target labelled with its part. */
    private static Map<String, String> targets(Path config, String host) throws IOException {
        Map<String, String> scraped = new TreeMap<>();
        Matcher target = Pattern.compile("targets: \\[\"" + Pattern.quote(host)
                + ":(\\d+)\"]\\s+labels: \\{part: ([a-z-]+)}").matcher(Files.readString(config));
        while (target.find()) {
            scraped.put(target.group(2), target.group(1));
        }
        return scraped;
    }

    @Test
    void composeRunsPrometheusAndGrafanaWithTheDashboardAndItsDataSource() throws IOException {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        assertThat(compose).contains("  prometheus:", "./deploy/prometheus/compose.yml:/etc/prometheus/prometheus.yml",
                "  grafana:", "./deploy/grafana/housecall.json:/var/lib/grafana/dashboards/housecall.json");
        assertThat(Files.readString(DASHBOARD)).doesNotContain("__inputs").contains("\"${datasource}\"");
        assertThat(Files.readString(Path.of("..", "deploy", "grafana", "provisioning", "datasources",
                "prometheus.yml"))).contains("url: http://prometheus:9090");
    }

    @Test
    void theDashboardShowsEveryBusinessMetric() throws IOException {
        assertThat(metricNames(Files.readString(DASHBOARD))).contains("housecall_consultations_total",
                "housecall_time_to_confirm_seconds_bucket", "housecall_outbox_pending", "housecall_outbox_age_seconds",
                "housecall_dead_letters_total", "housecall_notifications_total", "housecall_safety_alerts_open");
    }

    /** The metric names a dashboard's expressions use. */
    static Set<String> metricNames(String dashboard) {
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("\\b(?:housecall|jvm|http_server|hikaricp|kafka)_[a-z_]+").matcher(dashboard);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }
}
