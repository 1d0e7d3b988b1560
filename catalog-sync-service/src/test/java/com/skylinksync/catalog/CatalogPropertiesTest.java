package com.skylinksync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.products.MatrixPolicy;
import com.skylinksync.retailexpress.products.ProductMapping;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code skylink.catalog.*} as Spring binds it from properties, and the RE product mapping it gives. */
class CatalogPropertiesTest {

    @Test
    void defaultsAreRetailExpressDescriptionDefaultPriceAndSizeAndColourMatrices() {
        CatalogProperties properties = bind(Map.of());
        assertThat(properties.productMapping()).isEqualTo(ProductMapping.DEFAULT);
        assertThat(properties.channels()).containsExactly(Map.entry(1, "base"));
        assertThat(properties.magentoCode(AttributeCode.BRAND)).isEqualTo("manufacturer");
        assertThat(properties.magentoCode(AttributeCode.COLOUR)).isEqualTo("color");
        assertThat(properties.magentoCode(AttributeCode.PRODUCT_TYPE)).isEqualTo("skylink_product_type");
        assertThat(properties.magentoCode(AttributeCode.CUSTOM_2)).isEqualTo("custom_2");
        assertThat(properties.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(properties.setupCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.qtyCalculation()).isEqualTo(CatalogProperties.QtyCalculation.AVAILABLE);
    }

    @Test
    void nameAndPriceFieldsAndMatrixPoliciesPerProductTypeAreConfigurable() {
        CatalogProperties properties = bind(Map.of(
                "skylink.catalog.name-field", "custom_1",
                "skylink.catalog.price-field", "web-price",
                "skylink.catalog.qty-calculation", "available-on-order",
                "skylink.catalog.matrix-policies.2.attributes", "colour",
                "skylink.catalog.matrix-policies.2.requirement", "all",
                "skylink.catalog.matrix-policies.default.attributes", "size,season",
                "skylink.catalog.attributes.season", ""));
        ProductMapping mapping = properties.productMapping();
        assertThat(mapping.nameField()).isEqualTo(ProductMapping.NameField.CUSTOM_1);
        assertThat(mapping.regularPriceField()).isEqualTo(ProductMapping.PriceField.WEB_PRICE);
        assertThat(mapping.specialPriceField()).isEqualTo(ProductMapping.PriceField.PROMOTIONAL_PRICE);
        assertThat(mapping.matrixPolicies().byProductTypeId()).containsExactly(Map.entry("2",
                new MatrixPolicy(java.util.List.of(AttributeCode.COLOUR), MatrixPolicy.Requirement.ALL)));
        assertThat(mapping.matrixPolicies().fallback()).isEqualTo(new MatrixPolicy(
                java.util.List.of(AttributeCode.SIZE, AttributeCode.SEASON), MatrixPolicy.Requirement.ANY));
        assertThat(properties.qtyCalculation()).isEqualTo(CatalogProperties.QtyCalculation.AVAILABLE_ON_ORDER);
        assertThat(properties.magentoCode(AttributeCode.SEASON)).isEmpty();
        assertThat(properties.mapped()).doesNotContainKey(AttributeCode.SEASON);
    }

    @Test
    void aPolicyOnProductTypeOrAZeroCheckIntervalIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("skylink.catalog.matrix-policies.default.attributes", "product_type")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("product_type cannot be");
        assertThatThrownBy(() -> bind(Map.of("skylink.catalog.setup-check-interval", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("setup-check-interval must be positive");
    }

    private static CatalogProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("skylink.catalog", CatalogProperties.class);
    }
}
