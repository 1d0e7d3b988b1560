package com.skylinksync.retailexpress.products;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import java.util.List;

/**
 * Which attributes make the children of a matrix differ, and whether every one of them ({@code ALL}) or at least one
 * ({@code ANY}) must be filled. {@code product_type} can never be one: it is what chooses the policy.
 */
public record MatrixPolicy(List<AttributeCode> attributes, Requirement requirement) {

    public enum Requirement { ANY, ALL }

    /** Size and colour, any of them: the SDK's default. */
    public static final MatrixPolicy DEFAULT = new MatrixPolicy(List.of(AttributeCode.SIZE, AttributeCode.COLOUR),
            Requirement.ANY);

    public MatrixPolicy {
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("A matrix policy needs at least one attribute");
        }
        if (attributes.contains(AttributeCode.PRODUCT_TYPE)) {
            throw new IllegalArgumentException("product_type cannot be a matrix policy attribute");
        }
        if (attributes.stream().distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("A matrix policy lists an attribute twice: " + attributes);
        }
        if (requirement == null) {
            requirement = Requirement.ANY;
        }
    }
}
