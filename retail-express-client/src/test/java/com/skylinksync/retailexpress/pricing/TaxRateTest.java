package com.skylinksync.retailexpress.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Ports TaxRateSpec (reference 6.1) and the tax-inclusive price rule. */
class TaxRateTest {

    @Test
    void rejectsOnePointOne() {
        assertThatThrownBy(() -> TaxRate.parse("1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsABareTen() {
        assertThatThrownBy(() -> TaxRate.parse("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRate.parse("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRate.parse("-0.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAPercentage() {
        assertThat(TaxRate.parse("10%")).isEqualTo(TaxRate.parse("0.1"));
        assertThat(TaxRate.parse("10%").rate()).isEqualByComparingTo("0.1");
    }

    @Test
    void taxableOnlyAboveZero() {
        assertThat(TaxRate.parse("0.1").isTaxable()).isTrue();
        assertThat(TaxRate.parse("0").isTaxable()).isFalse();
    }

    @Test
    void rendersAsTheFraction() {
        assertThat(TaxRate.parse("0.1")).hasToString("0.1");
        assertThat(TaxRate.parse("0.10")).hasToString("0.1");
    }

    @Test
    void pricesAreTaxInclusive() {
        assertThat(TaxRate.parse("0.1").excludingTax(new BigDecimal("11.00"))).isEqualByComparingTo("10");
        assertThat(TaxRate.parse("0.1").excludingTax(new BigDecimal("19.95"))).isEqualByComparingTo("18.1364");
        assertThat(TaxRate.NONE.excludingTax(new BigDecimal("5"))).isEqualByComparingTo("5");
    }

    @Test
    void onePricePerPriceGroupKey() {
        var key = com.skylinksync.retailexpress.PriceGroupKey.parse("standard:2");
        Pricing.GroupPrices prices = new Pricing.GroupPrices().add(key, BigDecimal.ONE);

        assertThatThrownBy(() -> prices.add(key, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard:2");
        assertThat(prices.add(com.skylinksync.retailexpress.PriceGroupKey.parse("fixed:2"), BigDecimal.TEN).toMap())
                .hasSize(2);
    }
}
