package com.skylinksync.retailexpress.products;

import java.util.Objects;

/**
 * Which RE fields give a product's name, regular price and special price, and which matrix policies apply
 * (reference 3.5: these are settings of the integration, not of RE).
 */
public record ProductMapping(NameField nameField, PriceField regularPriceField, PriceField specialPriceField,
                             MatrixPolicies matrixPolicies) {

    /** Description for names, DefaultPrice for the regular price, PromotionalPrice for the special one. */
    public static final ProductMapping DEFAULT = new ProductMapping(NameField.DESCRIPTION, PriceField.DEFAULT_PRICE,
            PriceField.PROMOTIONAL_PRICE, MatrixPolicies.DEFAULT);

    public ProductMapping {
        Objects.requireNonNull(nameField, "nameField");
        Objects.requireNonNull(regularPriceField, "regularPriceField");
        Objects.requireNonNull(specialPriceField, "specialPriceField");
        Objects.requireNonNull(matrixPolicies, "matrixPolicies");
    }

    public enum NameField {
        DESCRIPTION("Description"), CUSTOM_1("Custom1"), CUSTOM_2("Custom2"), CUSTOM_3("Custom3");

        private final String element;

        NameField(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    public enum PriceField {
        DEFAULT_PRICE("DefaultPrice"), RRP("RRP"), WEB_PRICE("WebSellPrice"), MASTER_POS_PRICE("MasterPOSPrice"),
        PROMOTIONAL_PRICE("PromotionalPrice");

        private final String element;

        PriceField(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }

        /** Only the promotional price has a validity period in RE. */
        public boolean isTimed() {
            return this == PROMOTIONAL_PRICE;
        }
    }
}
