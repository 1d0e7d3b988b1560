package com.skylinksync.sandbox.retailexpress;

/**
 * The size of a generated catalogue added to the reference fixtures. Every generated entity is a pure function of
 * {@code seed} and its id, computed when it is read, so a catalogue of any size starts at once, costs no memory until
 * a test changes an entity, and is the same in every run and every process given the same seed.
 *
 * @param seed      makes different catalogues of the same size
 * @param products  products on channel 1, ids from {@value GeneratedCatalogue#FIRST_PRODUCT_ID}; about a third of
 *                  them are children of matrices of 2 to 6
 * @param customers customers, ids from {@value GeneratedCatalogue#FIRST_CUSTOMER_ID}
 * @param orders    orders {@code 20-00000001} upwards, each with items of generated products and fulfillments spread
 *                  over the hours after it was placed
 */
public record CatalogueSpec(long seed, int products, int customers, int orders) {

    public CatalogueSpec {
        if (products < 0 || customers < 0 || orders < 0) {
            throw new IllegalArgumentException("Catalogue sizes must not be negative");
        }
        if (orders > 0 && products == 0) {
            throw new IllegalArgumentException("Generated orders need generated products");
        }
    }

    /** Only the reference fixtures. */
    public static CatalogueSpec none() {
        return new CatalogueSpec(0, 0, 0, 0);
    }

    /** A production-sized store: 100,000 products, 50,000 customers, 20,000 orders. */
    public static CatalogueSpec large(long seed) {
        return new CatalogueSpec(seed, 100_000, 50_000, 20_000);
    }
}
