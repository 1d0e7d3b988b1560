package com.skylinksync.catalog;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.products.MatrixPolicies;
import com.skylinksync.retailexpress.products.MatrixPolicy;
import com.skylinksync.retailexpress.products.ProductMapping;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Retail Express catalogue becomes Magento's ({@code skylink.catalog.*}).
 *
 * @param channels         RE sales channel id → Magento website code; a product is fetched from each channel and
 *                         linked to the websites of the channels that list it (the first channel's data is the
 *                         product's global data, the others' differing name and price are saved per website)
 * @param attributes       RE attribute code ({@code brand}, {@code colour}, ...) → Magento attribute code; defaults
 *                         brand→{@code manufacturer}, colour→{@code color}, product_type→{@code skylink_product_type},
 *                         the rest their own code; an empty value unmaps a code (nothing is written to it, and a product
 *                         or option carrying a value of it fails naming it)
 * @param attributeSetId   the attribute set of created products and of the attributes the set-up creates
 * @param attributeGroupId the group of that set the set-up puts created attributes in
 * @param nameStrategy     {@code always} writes RE's name on every sync, {@code initial} only on create
 * @param qtyCalculation   {@code available}, or {@code available-on-order} (available + on order) as Magento's qty
 * @param timeZone         the store's time zone, in which special price dates are written
 * @param nameField        the RE field a product's name comes from: {@code description} (default) or {@code custom_1..3}
 * @param priceField       the RE field of the regular price: {@code default-price} (default), {@code rrp},
 *                         {@code web-price} (WebSellPrice) or {@code master-pos-price}
 * @param specialPriceField the RE field of the special price ({@code promotional-price}, the only one with dates, by
 *                         default)
 * @param matrixPolicies   RE product type id → the attributes its matrices' children differ by (the configurable's
 *                         options) and whether {@code all} or {@code any} (default) must be filled; the key
 *                         {@code default} for every other type (size and colour, any)
 * @param setupCheckInterval how often the Magento set-up ({@code attributes.CatalogSetup}) is checked again, so a
 *                         problem an operator fixes in Magento (or a new one) is seen without a restart; a sync that
 *                         meets an attribute problem asks for a check sooner
 */
@ConfigurationProperties("skylink.catalog")
public record CatalogProperties(Map<Integer, String> channels, Map<String, String> attributes,
                                @DefaultValue("4") int attributeSetId, @DefaultValue("7") int attributeGroupId,
                                @DefaultValue("always") NameStrategy nameStrategy,
                                @DefaultValue("available") QtyCalculation qtyCalculation,
                                @DefaultValue("UTC") ZoneId timeZone,
                                @DefaultValue("description") ProductMapping.NameField nameField,
                                @DefaultValue("default-price") ProductMapping.PriceField priceField,
                                @DefaultValue("promotional-price") ProductMapping.PriceField specialPriceField,
                                Map<String, MatrixPolicySettings> matrixPolicies,
                                @DefaultValue("1m") Duration setupCheckInterval) {

    public enum NameStrategy { ALWAYS, INITIAL }

    public enum QtyCalculation { AVAILABLE, AVAILABLE_ON_ORDER }

    /** One matrix policy: the RE attribute codes the children differ by, and whether all or any must be filled. */
    public record MatrixPolicySettings(List<AttributeCode> attributes,
                                       @DefaultValue("any") MatrixPolicy.Requirement requirement) {

        MatrixPolicy policy() {
            return new MatrixPolicy(attributes == null ? List.of() : attributes, requirement);
        }
    }

    private static final String DEFAULT_POLICY = "default";

    public CatalogProperties {
        channels = channels == null || channels.isEmpty() ? Map.of(1, "base")
                : Collections.unmodifiableMap(new TreeMap<>(channels));
        Map<String, String> mapped = new LinkedHashMap<>();
        for (AttributeCode code : AttributeCode.values()) {
            mapped.put(code.code(), switch (code) {
                case BRAND -> "manufacturer";
                case COLOUR -> "color";
                case PRODUCT_TYPE -> "skylink_product_type";
                default -> code.code();
            });
        }
        if (attributes != null) {
            attributes.forEach((re, magento) -> mapped.put(AttributeCode.fromCode(re).code(), magento == null ? "" : magento.strip()));
        }
        attributes = Collections.unmodifiableMap(mapped);
        matrixPolicies = matrixPolicies == null ? Map.of() : Map.copyOf(matrixPolicies);
        productMapping(nameField, priceField, specialPriceField, matrixPolicies); // refuses a policy that cannot be
        if (setupCheckInterval.isNegative() || setupCheckInterval.isZero()) {
            throw new IllegalArgumentException("skylink.catalog.setup-check-interval must be positive, not " + setupCheckInterval);
        }
    }

    /** Which RE fields give a product's name and prices, and the matrix policies, for reading RE's products. */
    public ProductMapping productMapping() {
        return productMapping(nameField, priceField, specialPriceField, matrixPolicies);
    }

    private static ProductMapping productMapping(ProductMapping.NameField nameField, ProductMapping.PriceField priceField,
                                                 ProductMapping.PriceField specialPriceField,
                                                 Map<String, MatrixPolicySettings> matrixPolicies) {
        Map<String, MatrixPolicy> byType = new LinkedHashMap<>();
        matrixPolicies.forEach((type, settings) -> {
            if (!type.equals(DEFAULT_POLICY)) {
                byType.put(type, settings.policy());
            }
        });
        MatrixPolicy fallback = matrixPolicies.containsKey(DEFAULT_POLICY) ? matrixPolicies.get(DEFAULT_POLICY).policy()
                : MatrixPolicy.DEFAULT;
        return new ProductMapping(nameField, priceField, specialPriceField, new MatrixPolicies(byType, fallback));
    }

    /** The Magento code an RE attribute maps to; empty when unmapped. */
    public String magentoCode(AttributeCode code) {
        return attributes.getOrDefault(code.code(), "");
    }

    /** Every mapped RE code with its Magento code. */
    public Map<AttributeCode, String> mapped() {
        Map<AttributeCode, String> mapped = new EnumMap<>(AttributeCode.class);
        for (AttributeCode code : AttributeCode.values()) {
            if (!magentoCode(code).isEmpty()) {
                mapped.put(code, magentoCode(code));
            }
        }
        return mapped;
    }
}
