package com.skylinksync.retailexpress.products;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import java.util.Map;

/**
 * The matrix policy per product type: chosen by the first child's {@code product_type} option id, falling back to a
 * default (size + colour unless configured otherwise).
 */
public record MatrixPolicies(Map<String, MatrixPolicy> byProductTypeId, MatrixPolicy fallback) {

    public static final MatrixPolicies DEFAULT = new MatrixPolicies(Map.of(), MatrixPolicy.DEFAULT);

    public MatrixPolicies {
        byProductTypeId = Map.copyOf(byProductTypeId);
        if (fallback == null) {
            fallback = MatrixPolicy.DEFAULT;
        }
    }

    public MatrixPolicy policyFor(Product firstChild) {
        return firstChild.option(AttributeCode.PRODUCT_TYPE).map(AttributeOption::id)
                .map(byProductTypeId::get).orElse(fallback);
    }
}
