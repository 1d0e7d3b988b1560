package com.skylinksync.sandbox.retailexpress;

/**
 * The size of a generated catalogue added to the reference fixtures. Every generated entity is a pure function of
 * {@code seed} and its id, computed when it is read, so a catalogue of any size starts at once, costs no memory until
 * a test changes an entity, and is the same in every run and every process given the same seed.
 *
 * @param seed      makes different catalogues of the same size
 * @param products  products on channel 1 (about half of them on channel 2 as well), ids from
 *                  {@value GeneratedCatalogue#FIRST_PRODUCT_ID}; about 30 % of them are children of matrices of 2 to 12
 * @param customers customers, ids from {@value GeneratedCatalogue#FIRST_CUSTOMER_ID}
 * @param orders    orders {@code 17-00000001} upwards, each for a generated customer, with 1 to 4 generated products,
 *                  payments (full, part or none) and fulfillments spread over the hours and days after it was
 *                  placed (at most {@value GeneratedOrders#MAX_ORDERS})
 */
public record CatalogueSpec(long seed, int products, int customers, int orders) {

    public CatalogueSpec {
        if (products < 0 || customers < 0 || orders < 0) {
            throw new IllegalArgumentException("Catalogue sizes must not be negative");
        }
        if (orders > GeneratedOrders.MAX_ORDERS) {
            throw new IllegalArgumentException("At most " + GeneratedOrders.MAX_ORDERS + " generated orders");
        }
        if (orders > 0 && (products == 0 || customers == 0)) {
            throw new IllegalArgumentException("Generated orders need generated products and customers");
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
