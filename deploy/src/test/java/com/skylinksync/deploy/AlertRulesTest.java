package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered PrometheusRule's groups pass {@code promtool check rules}, and {@code deploy/tests/alerts.test.yaml}
 * passes {@code promtool test rules} against them: each alert fires when it should, and not when it should not.
 */
class AlertRulesTest {

    static final String OVERLAY = "overlays/production";

    @TempDir
    Path dir;

    @Test
    void theRulesPassPromtoolsCheck() throws Exception {
        writeRules();
        assertPromtool(List.of("check", "rules", "skylink.rules.yaml"));
    }

    @Test
    void theAlertsFireAsTheirUnitTestsSay() throws Exception {
        writeRules();
        Files.copy(RenderedManifests.DEPLOY.resolve("tests/alerts.test.yaml"), dir.resolve("alerts.test.yaml"));
        assertPromtool(List.of("test", "rules", "alerts.test.yaml"));
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSectionInTheReadme() {
        String readme = RenderedManifests.read("README.md");
        for (JsonNode group : rule().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    String alert = rule.path("alert").asText();
                    assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
                    assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                    assertThat(rule.path("annotations").path("runbook").asText()).as(alert)
                            .isEqualTo("deploy/README.md#" + alert.toLowerCase());
                    assertThat(readme).as("deploy/README.md explains %s", alert).contains("### " + alert);
                }
            }
        }
    }

    static JsonNode rule() {
        return RenderedManifests.named(OVERLAY, "PrometheusRule", "skylink-sync");
    }

    private void writeRules() throws IOException {
        Files.writeString(dir.resolve("skylink.rules.yaml"), RenderedManifests.YAML.writeValueAsString(rule().path("spec")));
    }

    private void assertPromtool(List<String> arguments) throws Exception {
        String promtool = Tools.require("promtool", "apt-get install -y prometheus (Debian's package brings promtool)");
        var command = new java.util.ArrayList<>(List.of(promtool));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
    }
}
