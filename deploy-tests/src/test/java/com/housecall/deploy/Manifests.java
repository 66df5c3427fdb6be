package com.housecall.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes/}, parsed by fabric8's model: built-in kinds as their
 * typed classes, Strimzi's as {@link GenericKubernetesResource}.
 */
final class Manifests {

    static final Path KUBERNETES = Contract.ROOT.resolve("deploy/kubernetes");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    private Manifests(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /** Every document of every resource file the base's kustomization lists. */
    static Manifests base() {
        List<HasMetadata> all = new ArrayList<>();
        Path base = KUBERNETES.resolve("base");
        for (String resource : Kustomization.of(base).resources()) {
            Path file = base.resolve(resource);
            if (Files.isRegularFile(file)) {
                all.addAll(parse(file));
            }
        }
        return new Manifests(all);
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(Path file) {
        try {
            Object parsed = SERIALIZATION.unmarshal(Files.readString(file));
            return parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    /** Strimzi's resources of one kind ({@code Kafka}, {@code KafkaNodePool}, {@code KafkaTopic}). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    /** A field of a custom resource's spec by its path ({@code kafka.config}). */
    @SuppressWarnings("unchecked")
    static Object spec(GenericKubernetesResource resource, String path) {
        Object value = resource.getAdditionalProperties().get("spec");
        for (String key : path.split("\\.")) {
            value = value == null ? null : ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    /** A kustomization.yaml: its resources, patches and generated ConfigMaps' files. */
    record Kustomization(List<String> resources, List<String> files) {

        @SuppressWarnings("unchecked")
        static Kustomization of(Path directory) {
            Map<String, Object> yaml = Contract.yaml(Contract.ROOT.relativize(directory.resolve("kustomization.yaml"))
                    .toString());
            List<String> files = new ArrayList<>();
            ((List<Map<String, Object>>) yaml.getOrDefault("patches", List.of()))
                    .forEach(patch -> files.add((String) patch.get("path")));
            ((List<Map<String, Object>>) yaml.getOrDefault("configMapGenerator", List.of()))
                    .forEach(generator -> files.addAll((List<String>) generator.get("files")));
            return new Kustomization((List<String>) yaml.getOrDefault("resources", List.of()), files);
        }
    }
}
