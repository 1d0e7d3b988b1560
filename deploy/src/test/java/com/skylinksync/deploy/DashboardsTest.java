package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboards ship as valid JSON in a ConfigMap Grafana's sidecar loads, each panel with a query. */
class DashboardsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyDashboardIsValidJsonWithAUniqueUidAndPanelsThatQueryPrometheus() throws Exception {
        JsonNode configMap = RenderedManifests.named("overlays/production", "ConfigMap", "skylink-dashboards");
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("data").size()).isEqualTo(4);
        Set<String> uids = new HashSet<>();
        for (var file : configMap.path("data").properties()) {
            JsonNode dashboard = json.readTree(file.getValue().asText());
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in %s", file.getKey()).isTrue();
            assertThat(dashboard.path("title").asText()).as(file.getKey()).startsWith("SkyLink Sync / ");
            assertThat(dashboard.path("panels")).as(file.getKey()).isNotEmpty();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("targets")).as("%s: %s", file.getKey(), panel.path("title")).isNotEmpty();
                panel.path("targets").forEach(target ->
                        assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank());
            }
        }
    }
}
