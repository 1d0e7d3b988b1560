package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.skylinksync.schemas.TopicCatalog;
import com.skylinksync.schemas.TopicCatalog.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Strimzi KafkaTopics agree with {@link TopicCatalog}, which the services also create their topics from: one
 * source for both. {@code base/kafka/topics.yaml} is generated from the catalogue; after changing the catalogue,
 * regenerate it with {@code ./mvnw -B -q -pl deploy -am verify -Dtest=TopicManifestsTest -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.regenerate-topics=true}.
 */
class TopicManifestsTest {

    private static final String TOPICS_FILE = "base/kafka/topics.yaml";

    @Test
    void theCommittedTopicsFileIsWhatTheCatalogueGenerates() throws IOException {
        String generated = generate(TopicCatalog.all(TopicCatalog.DEFAULT_PARTITIONS));
        if (Boolean.getBoolean("deploy.regenerate-topics")) {
            Files.writeString(RenderedManifests.DEPLOY.resolve(TOPICS_FILE), generated);
        }
        assertThat(RenderedManifests.read(TOPICS_FILE))
                .as("deploy/%s is generated from TopicCatalog; regenerate it (see this test's javadoc)", TOPICS_FILE)
                .isEqualTo(generated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyOverlayRendersExactlyTheCataloguesTopicsWithItsPartitionsAndSettings(String overlay) {
        Map<String, TopicSpec> expected = new TreeMap<>();
        TopicCatalog.all(TopicCatalog.DEFAULT_PARTITIONS).forEach(spec -> expected.put(spec.name(), spec));
        Map<String, TopicSpec> rendered = new TreeMap<>();
        for (JsonNode topic : RenderedManifests.ofKind(overlay, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            Map<String, String> config = new LinkedHashMap<>();
            topic.path("spec").path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            rendered.put(name, new TopicSpec(name, topic.path("spec").path("partitions").asInt(), config));
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("%s belongs to the overlay's Kafka", name).isEqualTo(kafkaName(overlay));
        }
        assertThat(rendered).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void kafkaUsersGrantOnlyTopicsOfTheCatalogueAndEachSyncServiceOnlyItsOwnGroup(String overlay) {
        Set<String> known = new TreeSet<>();
        TopicCatalog.all(TopicCatalog.DEFAULT_PARTITIONS).forEach(spec -> known.add(spec.name()));
        List<JsonNode> users = RenderedManifests.ofKind(overlay, "KafkaUser");
        assertThat(users).extracting(u -> u.path("metadata").path("name").asText())
                .contains("eds-gateway", "customer-sync-service", "catalog-sync-service", "fulfillment-sync-service", "keda");
        for (JsonNode user : users) {
            String name = user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic") && resource.path("patternType").asText().equals("literal")) {
                    assertThat(known).as("%s's ACL on a topic", name).contains(resource.path("name").asText());
                }
                if (name.endsWith("-sync-service") && resource.path("type").asText().equals("group")) {
                    assertThat(resource.path("name").asText()).as("%s's consumer group", name).isEqualTo(name);
                }
                if (name.endsWith("-sync-service")) {
                    assertThat(acl.path("operations").toString()).as("%s may not create, delete or alter topics", name)
                            .doesNotContain("Create", "Delete", "Alter", "All");
                }
            }
        }
    }

    private static String kafkaName(String overlay) {
        return RenderedManifests.ofKind(overlay, "Kafka").getFirst().path("metadata").path("name").asText();
    }

    /** KafkaTopic YAML for the catalogue's topics, in its order. */
    static String generate(List<TopicSpec> topics) {
        StringBuilder yaml = new StringBuilder("""
                # GENERATED from com.skylinksync.schemas.TopicCatalog (shared-schemas) by deploy's TopicManifestsTest: do not
                # edit; change the catalogue and regenerate (see TopicManifestsTest). The services create the same topics with
                # the same settings when they are missing (local runs, tests). Replication comes from the overlay's Kafka
                # (default.replication.factor). Retention: entity topics, .bulk twins and completions 7 days (replay and
                # bulk resync reach a week back); .dlt and .parked 30 days (time for an operator to fix and redrive).
                """);
        for (TopicSpec topic : topics) {
            yaml.append("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n")
                    .append("  name: ").append(topic.name()).append('\n')
                    .append("  labels: {strimzi.io/cluster: skylink-kafka}\nspec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  config:\n");
            new TreeMap<>(topic.config()).forEach((key, value) ->
                    yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        }
        return yaml.toString();
    }
}
