package com.skylinksync.sandbox.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated catalogue's matrices and channels: a realistic share of matrix children, 2 to 12 per matrix, two channels. */
class GeneratedMatricesTest {

    private final GeneratedCatalogue catalogue = new GeneratedCatalogue(new CatalogueSpec(7, 20_000, 0, 0));

    @Test
    void aboutThirtyPercentOfProductsAreChildrenOfMatricesOfTwoToTwelveWithUniqueSizeColourPairs() {
        Map<String, List<StoredProduct>> families = new HashMap<>();
        int children = 0;
        for (int id = GeneratedCatalogue.FIRST_PRODUCT_ID; id < GeneratedCatalogue.FIRST_PRODUCT_ID + 20_000; id++) {
            StoredProduct product = catalogue.product(id).orElseThrow();
            if (product.field("SizeId") != null && !product.field("SizeId").isEmpty()) {
                children++;
                families.computeIfAbsent(product.code(), code -> new java.util.ArrayList<>()).add(product);
            }
        }
        assertThat(children / 20_000.0).isBetween(0.25, 0.35);
        assertThat(families.values()).allSatisfy(family -> {
            assertThat(family).hasSizeBetween(2, 12);
            Set<String> pairs = new HashSet<>();
            family.forEach(child -> pairs.add(child.field("SizeId") + "/" + child.field("ColourId")));
            assertThat(pairs).hasSize(family.size());
            assertThat(family).extracting(StoredProduct::channels).containsOnly(family.getFirst().channels());
            assertThat(family).allSatisfy(child -> assertThat(catalogue.siblingIds(child.id()))
                    .containsExactlyInAnyOrderElementsOf(family.stream().map(StoredProduct::id).toList()));
        });
        assertThat(families.values()).anyMatch(family -> family.size() == 12).anyMatch(family -> family.size() == 2);
    }

    @Test
    void aboutHalfTheProductsAreOnTheSecondChannelToo() {
        long onBoth = catalogue.idsOnChannel(ProductFixtures.OTHER_CHANNEL).count();
        assertThat(catalogue.idsOnChannel(ProductFixtures.CHANNEL).count()).isEqualTo(20_000);
        assertThat(onBoth / 20_000.0).isBetween(0.4, 0.6);
        assertThat(catalogue.idsOnChannel(ProductFixtures.OTHER_CHANNEL).limit(100))
                .allSatisfy(id -> assertThat(catalogue.product(id).orElseThrow().onChannel(2)).isTrue());
    }
}
