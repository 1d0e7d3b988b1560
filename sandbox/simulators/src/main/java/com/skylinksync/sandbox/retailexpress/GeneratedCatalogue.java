package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic catalogue computed on read from a {@link CatalogueSpec}: nothing is stored, so 100,000 products
 * cost no heap and start in no time. Its customers and orders are {@link #customers()} and {@link #orders()}. Products come in slots of {@value #SLOT}: a slot is either twelve simple products
 * or (one slot in two) a matrix of 2..12 children (sharing a manufacturer SKU, unique size/colour pairs) followed by
 * simple products, so about 30 % of the products are matrix children and a product's siblings are found by arithmetic
 * instead of an index. Every product is on channel 1; the products of one slot in two are on channel 2 as well.
 */
final class GeneratedCatalogue {

    static final int FIRST_PRODUCT_ID = 1_000_000;
    static final int FIRST_CUSTOMER_ID = GeneratedCustomers.FIRST_ID;
    static final int SLOT = 12;
    private static final String[] SIZES = {"S", "M", "L"};
    private static final String[] COLOURS = {"12", "14", "15", "16"};

    private final CatalogueSpec spec;
    private final GeneratedCustomers customers;
    private final GeneratedOrders orders;

    GeneratedCatalogue(CatalogueSpec spec) {
        this.spec = spec;
        this.customers = new GeneratedCustomers(spec.seed(), spec.customers());
        this.orders = new GeneratedOrders(spec.seed(), spec.orders(), this, customers);
    }

    CatalogueSpec spec() {
        return spec;
    }

    GeneratedCustomers customers() {
        return customers;
    }

    GeneratedOrders orders() {
        return orders;
    }

    boolean isProduct(int id) {
        return id >= FIRST_PRODUCT_ID && id < FIRST_PRODUCT_ID + spec.products();
    }

    Stream<Integer> idsOnChannel(int channelId) {
        Stream<Integer> all = IntStream.range(FIRST_PRODUCT_ID, FIRST_PRODUCT_ID + spec.products()).boxed();
        return channelId == ProductFixtures.CHANNEL ? all
                : channelId == ProductFixtures.OTHER_CHANNEL ? all.filter(id -> onOtherChannel((id - FIRST_PRODUCT_ID) / SLOT))
                : Stream.empty();
    }

    /** Whether a slot's products (a matrix's children together) are on channel 2 too. */
    private boolean onOtherChannel(int slot) {
        return new SplittableRandom(spec.seed() * 17 + slot * 0xC2B2AE3D27D4EB4FL).nextBoolean();
    }

    /** The ids of the generated matrix {@code id} belongs to (itself only for a simple product). */
    List<Integer> siblingIds(int id) {
        if (!isProduct(id)) {
            return List.of();
        }
        int index = id - FIRST_PRODUCT_ID;
        int slot = index / SLOT;
        int matrixSize = matrixSize(slot);
        if (index % SLOT >= matrixSize) {
            return List.of(id);
        }
        int first = FIRST_PRODUCT_ID + slot * SLOT;
        return IntStream.range(first, first + matrixSize).filter(this::isProduct).boxed().toList();
    }

    Optional<StoredProduct> product(int id) {
        if (!isProduct(id)) {
            return Optional.empty();
        }
        int index = id - FIRST_PRODUCT_ID;
        int slot = index / SLOT;
        int position = index % SLOT;
        boolean child = position < matrixSize(slot);
        SplittableRandom random = random(id);
        Map<String, String> f = new LinkedHashMap<>();
        String code = child ? "GEN-M%06d".formatted(slot) : "GEN-%07d".formatted(index);
        String size = SIZES[position % SIZES.length];
        String colour = COLOURS[position / SIZES.length];
        f.put("ProductId", String.valueOf(id));
        f.put("SKU", child ? code + "-" + size + "-" + colour : code + "OSFA");
        f.put("Code", code);
        // Matrix children share their name and price, as the children of a real RE matrix do.
        SplittableRandom family = child ? random(FIRST_PRODUCT_ID + slot * SLOT) : random;
        f.put("Description", (child ? "Generated tee " : "Generated item ") + (child ? slot : index));
        f.put("DefaultPrice", "%d.95".formatted(5 + family.nextInt(195)));
        f.put("TaxRate", random.nextInt(10) == 0 ? "0" : "0.1");
        f.put("ManageStock", "true");
        int available = random.nextInt(200);
        f.put("StockAvailable", String.valueOf(available));
        f.put("StockOnOrder", String.valueOf(random.nextInt(20)));
        f.put("Weight", "0.%d".formatted(1 + random.nextInt(9)));
        f.put("BrandId", String.valueOf(1 + family.nextInt(6)));
        if (child) {
            f.put("ProductTypeId", "2");
            f.put("SizeId", size);
            f.put("ColourId", colour);
        } else {
            f.put("ProductTypeId", "5");
        }
        Map<Integer, Integer> outlets = new LinkedHashMap<>();
        outlets.put(1, available / 2);
        outlets.put(2, available - available / 2);
        Map<Integer, String> standard = random.nextInt(4) == 0 ? Map.of(2, "%d.50".formatted(4 + random.nextInt(150)))
                : Map.of();
        Set<Integer> channels = onOtherChannel(slot) ? Set.of(ProductFixtures.CHANNEL, ProductFixtures.OTHER_CHANNEL)
                : Set.of(ProductFixtures.CHANNEL);
        return Optional.of(new StoredProduct(id, channels, f, standard, Map.of(), outlets));
    }

    /** 0 for a slot of simple products (one in two), else the matrix size 2..12 (7 on average: 29 % of products). */
    private int matrixSize(int slot) {
        SplittableRandom random = new SplittableRandom(spec.seed() * 31 + slot * 0x9E3779B97F4A7C15L);
        return random.nextBoolean() ? 2 + random.nextInt(SLOT - 1) : 0;
    }

    SplittableRandom random(long id) {
        return new SplittableRandom(spec.seed() ^ (id * 0xBF58476D1CE4E5B9L));
    }
}
