package com.skylinksync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code kubectl kustomize} makes of a kustomization in {@code deploy/}: every object, as a tree. Renders each
 * path once per test JVM. Without kubectl the tests fail with one line that says how to install it.
 */
final class RenderedManifests {

    /** The module's folder: deploy/ (Surefire runs in it). */
    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final List<String> OVERLAYS = List.of("overlays/local", "overlays/production");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private RenderedManifests() {
    }

    static List<JsonNode> of(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, RenderedManifests::render);
    }

    static List<JsonNode> ofKind(String kustomization, String kind) {
        return of(kustomization).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(String kustomization, String kind, String name) {
        return ofKind(kustomization, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kustomization + " renders no " + kind + " " + name));
    }

    private static List<JsonNode> render(String kustomization) {
        String kubectl = Tools.require("kubectl", "apt-get install -y kubernetes-client (kubectl with kustomize 5)");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", DEPLOY.resolve(kustomization).toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + err);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(out)) {
                for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                    JsonNode object = it.next();
                    if (object != null && !object.isNull() && !object.isEmpty()) {
                        objects.add(object);
                    }
                }
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new AssertionError("Cannot render " + kustomization + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted rendering " + kustomization, e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(DEPLOY.resolve(relative));
        } catch (IOException e) {
            throw new AssertionError("Cannot read deploy/" + relative, e);
        }
    }
}
