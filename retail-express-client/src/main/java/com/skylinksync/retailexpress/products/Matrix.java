package com.skylinksync.retailexpress.products;

import com.skylinksync.retailexpress.attributes.AttributeCode;
import com.skylinksync.retailexpress.attributes.AttributeOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A configurable product: RE children sharing a manufacturer SKU, told apart by the policy's attributes. Its SKU is the
 * manufacturer SKU; name, prices, stock and package come from the first child. Only valid matrices can be built; the
 * checks are the ones the SDK intended (reference 5), not the ones it ran:
 * (a) every child fills at least one policy attribute; (b) an attribute filled on some children is filled on all,
 * and with {@code ALL} every policy attribute is filled; (c) no two children share an option-id combination.
 */
public record Matrix(String manufacturerSku, MatrixPolicy policy, List<Product> children) {

    public Matrix {
        Objects.requireNonNull(policy, "policy");
        children = List.copyOf(children);
        validate(manufacturerSku, policy, children);
    }

    /** Builds the matrix of {@code children} with the policy their first child's product type selects. */
    public static Matrix of(List<Product> children, MatrixPolicies policies) {
        if (children.isEmpty()) {
            throw new InvalidMatrixException("A matrix needs at least one product");
        }
        return new Matrix(children.getFirst().manufacturerSku(), policies.policyFor(children.getFirst()), children);
    }

    public String sku() {
        return manufacturerSku;
    }

    public Product first() {
        return children.getFirst();
    }

    public Optional<Product> child(int productId) {
        return children.stream().filter(p -> p.id() == productId).findFirst();
    }

    /** The matrix's own option for a code; none for policy attributes, which belong to the children. */
    public Optional<AttributeOption> option(AttributeCode code) {
        return policy.attributes().contains(code) ? Optional.empty() : first().option(code);
    }

    private static void validate(String sku, MatrixPolicy policy, List<Product> children) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidMatrixException("A matrix needs a manufacturer SKU (RE's Code)");
        }
        if (children.isEmpty()) {
            throw new InvalidMatrixException("Matrix \"" + sku + "\" has no products");
        }
        for (Product child : children) {
            if (!sku.equals(child.manufacturerSku())) {
                throw new InvalidMatrixException("Matrix \"" + sku + "\": product " + child.id()
                        + " has manufacturer SKU \"" + child.manufacturerSku() + "\"; all products must share it");
            }
        }
        List<AttributeCode> attributes = policy.attributes();
        for (Product child : children) {
            if (attributes.stream().noneMatch(a -> child.option(a).isPresent())) {
                throw new InvalidMatrixException("Matrix \"" + sku + "\": product " + child.id()
                        + " has none of the matrix attributes " + codes(attributes));
            }
        }
        for (AttributeCode attribute : attributes) {
            List<Integer> missing = children.stream().filter(p -> p.option(attribute).isEmpty())
                    .map(Product::id).toList();
            boolean required = policy.requirement() == MatrixPolicy.Requirement.ALL;
            if (!missing.isEmpty() && (required || missing.size() < children.size())) {
                throw new InvalidMatrixException("Matrix \"" + sku + "\": products " + joined(missing)
                        + " have no \"" + attribute.code() + "\" option, "
                        + (required ? "which this matrix requires on every product"
                                : "but other products of the matrix have one"));
            }
        }
        Map<List<String>, List<Integer>> byCombination = new LinkedHashMap<>();
        for (Product child : children) {
            List<String> combination = new ArrayList<>();
            for (AttributeCode attribute : attributes) {
                combination.add(child.option(attribute).map(AttributeOption::id).orElse(null));
            }
            byCombination.computeIfAbsent(combination, k -> new ArrayList<>()).add(child.id());
        }
        for (Map.Entry<List<String>, List<Integer>> entry : byCombination.entrySet()) {
            if (entry.getValue().size() > 1) {
                List<String> described = new ArrayList<>();
                for (int i = 0; i < attributes.size(); i++) {
                    if (entry.getKey().get(i) != null) {
                        described.add("\"" + entry.getKey().get(i) + "\" for \"" + attributes.get(i).code() + "\"");
                    }
                }
                throw new InvalidMatrixException("Matrix \"" + sku + "\" requires unique combinations of options, "
                        + "but products " + joined(entry.getValue()) + " all use " + String.join(", ", described));
            }
        }
    }

    private static String codes(List<AttributeCode> attributes) {
        return attributes.stream().map(AttributeCode::code).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String joined(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
