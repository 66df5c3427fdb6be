package com.housecall.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The parts and ports of CONTRACT.md sections 1 and 13, from {@code contract/platform.yml} (DECISIONS.md 2). */
record Contract(Map<String, Map<String, Object>> apps, Map<String, Map<String, Object>> infrastructure,
                List<String> monitoring, Map<String, Integer> published, List<String> topics,
                Map<String, List<String>> reads) {

    /** The repository's root: this module's parent directory (Maven runs the tests in the module). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @SuppressWarnings("unchecked")
    static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream("/contract/platform.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            return new Contract((Map<String, Map<String, Object>>) yaml.get("apps"),
                    (Map<String, Map<String, Object>>) yaml.get("infrastructure"),
                    (List<String>) yaml.get("monitoring"), (Map<String, Integer>) yaml.get("published"),
                    (List<String>) yaml.get("topics"), (Map<String, List<String>>) yaml.get("reads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file of the repository as maps and lists. */
    static Map<String, Object> yaml(String path) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port(String app) {
        return (Integer) apps.get(app).get("port");
    }

    int management(String app) {
        return (Integer) apps.get(app).get("management");
    }

    int infraPort(String part, String name) {
        return (Integer) infrastructure.get(part).get(name);
    }

    /** Every service behind the gateway, by the gateway's target variable suffix (BOOKING, ..., CONSOLE). */
    Map<String, String> gatewayTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        apps.forEach((app, settings) -> {
            if (settings.containsKey("target")) {
                targets.put((String) settings.get("target"), app);
            }
        });
        return targets;
    }
}
