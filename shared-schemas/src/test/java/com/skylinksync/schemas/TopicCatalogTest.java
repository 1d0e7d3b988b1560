package com.skylinksync.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.schemas.TopicCatalog.TopicSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    @Test
    void everyEntityTopicHasItsTwinsAndTheCatalogueHoldsCompletionsAndTheBudget() {
        List<String> names = TopicCatalog.all(12).stream().map(TopicSpec::name).toList();

        assertThat(names).hasSize(8 * 4 + 2).doesNotHaveDuplicates()
                .contains("skylink.re.products", "skylink.re.products.bulk", "skylink.re.products.dlt",
                        "skylink.re.products.parked", "skylink.magento.orders.parked", Topics.COMPLETIONS, Topics.RE_BUDGET);
    }

    @Test
    void replayableTopicsKeepAWeekOperatorTopicsAMonthAndTheBudgetIsCompactedOnOnePartition() {
        assertThat(TopicCatalog.spec("skylink.re.customers.bulk", 12).config())
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "604800000");
        assertThat(TopicCatalog.spec(Topics.COMPLETIONS, 12).config()).containsEntry("retention.ms", "604800000");
        assertThat(TopicCatalog.spec("skylink.re.customers.dlt", 12).config()).containsEntry("retention.ms", "2592000000");
        assertThat(TopicCatalog.spec("skylink.re.orders.parked", 12).config()).containsEntry("retention.ms", "2592000000");
        assertThat(TopicCatalog.budget(Topics.RE_BUDGET)).isEqualTo(
                new TopicSpec(Topics.RE_BUDGET, 1, java.util.Map.of("cleanup.policy", "compact")));
    }

    @Test
    void aTopicOutsideTheCatalogueGetsTheSettingsOfItsKind() {
        assertThat(TopicCatalog.spec("fake.customers", 3)).isEqualTo(new TopicSpec("fake.customers", 3,
                java.util.Map.of("cleanup.policy", "delete", "retention.ms", "604800000")));
        assertThat(TopicCatalog.spec("fake.customers.dlt", 3).config()).containsEntry("retention.ms", "2592000000");
    }
}
