package com.skylinksync.retailexpress.products;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one {@code GetProductsByChannel} call returned, grouped: products sharing a manufacturer SKU with others are a
 * matrix (RE returns every sibling of a matrix child asked for), the rest are simple products. A family that breaks
 * the matrix rules is reported in {@code rejected} instead of failing the whole batch. Ids asked for but not returned
 * are simply absent: RE's way of saying "not on this channel".
 */
public record ChannelProducts(List<Product> simpleProducts, List<Matrix> matrices, List<RejectedMatrix> rejected) {

    public ChannelProducts {
        simpleProducts = List.copyOf(simpleProducts);
        matrices = List.copyOf(matrices);
        rejected = List.copyOf(rejected);
    }

    /** Every product RE returned, simple ones and matrix children. */
    public Stream<Product> allProducts() {
        return Stream.concat(simpleProducts.stream(), matrices.stream().flatMap(m -> m.children().stream()));
    }

    /** Whether RE returned this id (as a simple product, a matrix child, or a member of a rejected family). */
    public boolean contains(int productId) {
        return allProducts().anyMatch(p -> p.id() == productId)
                || rejected.stream().anyMatch(r -> r.productIds().contains(productId));
    }

    public Optional<Product> simpleProduct(int productId) {
        return simpleProducts.stream().filter(p -> p.id() == productId).findFirst();
    }

    /** The matrix this product is a child of. */
    public Optional<Matrix> matrixOf(int productId) {
        return matrices.stream().filter(m -> m.child(productId).isPresent()).findFirst();
    }
}
