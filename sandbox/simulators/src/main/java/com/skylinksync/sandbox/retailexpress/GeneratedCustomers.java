package com.skylinksync.sandbox.retailexpress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generated RE customers, ids {@value #FIRST_ID} upwards, each a pure function of the seed and its id: nothing is
 * held, so 50,000 customers cost no heap. The data is deliberately as untidy as a real RE database, because that is
 * what the customer sync must survive: states written as names or codes, countries as names, codes or aliases,
 * delivery names that are the billing name, another person or a single word (which the SDK loses), ReceivesNews in
 * every boolean spelling, and a few customers without an email (readers then default to {@code <id>@example.com}).
 */
final class GeneratedCustomers {

    static final int FIRST_ID = 2_000_000;

    /** A suburb with its state (both spellings) and postcode, so generated addresses are internally consistent. */
    record Locality(String suburb, String state, String stateCode, String postcode, String areaCode) {
    }

    static final List<Locality> LOCALITIES = List.of(
            new Locality("Brisbane", "Queensland", "QLD", "4000", "07"),
            new Locality("Fortitude Valley", "Queensland", "QLD", "4006", "07"),
            new Locality("Southport", "Queensland", "QLD", "4215", "07"),
            new Locality("Cairns", "Queensland", "QLD", "4870", "07"),
            new Locality("Sydney", "New South Wales", "NSW", "2000", "02"),
            new Locality("Parramatta", "New South Wales", "NSW", "2150", "02"),
            new Locality("Newcastle", "New South Wales", "NSW", "2300", "02"),
            new Locality("Bondi Beach", "New South Wales", "NSW", "2026", "02"),
            new Locality("Melbourne", "Victoria", "VIC", "3000", "03"),
            new Locality("St Kilda", "Victoria", "VIC", "3182", "03"),
            new Locality("Geelong", "Victoria", "VIC", "3220", "03"),
            new Locality("Adelaide", "South Australia", "SA", "5000", "08"),
            new Locality("Glenelg", "South Australia", "SA", "5045", "08"),
            new Locality("Perth", "Western Australia", "WA", "6000", "08"),
            new Locality("Fremantle", "Western Australia", "WA", "6160", "08"),
            new Locality("Hobart", "Tasmania", "TAS", "7000", "03"),
            new Locality("Launceston", "Tasmania", "TAS", "7250", "03"),
            new Locality("Canberra", "Australian Capital Territory", "ACT", "2601", "02"),
            new Locality("Darwin", "Northern Territory", "NT", "0800", "08"),
            new Locality("Alice Springs", "Northern Territory", "NT", "0870", "08"));

    private static final String[] FIRST_NAMES = {"Olivia", "Jack", "Charlotte", "William", "Amelia", "Noah", "Isla",
            "Oliver", "Mia", "Thomas", "Ava", "James", "Grace", "Lucas", "Chloe", "Ethan", "Zoe", "Liam", "Ruby",
            "Henry", "Sophie", "Leo", "Matilda", "Harrison", "Ella", "Mei", "Arjun", "Priya", "Nguyen", "Aroha"};
    private static final String[] LAST_NAMES = {"Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen",
            "Johnson", "Martin", "White", "Anderson", "Walker", "Thompson", "Ryan", "O'Brien", "Kelly", "Chen",
            "Singh", "Papadopoulos", "Rossi", "McDonald", "Murphy", "Patel", "Lee", "Van der Berg", "Harris"};
    private static final String[] STREETS = {"Ann", "George", "Queen", "King", "Elizabeth", "Collins", "Bourke",
            "Hay", "Murray", "Rundle", "Oxford", "Victoria", "Beach", "Church", "Station", "High"};
    private static final String[] STREET_TYPES = {"St", "Street", "Rd", "Road", "Ave", "Parade", "Tce", "Lane"};
    private static final String[] COMPANIES = {"Sample Company", "Acme Pty Ltd", "Coastal Surf Co", "Harbour Cafe",
            "Outback Supplies", "Bright Sparks Electrical", "Gum Tree Nursery"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org", "example.com.au"};
    /** Every spelling the SDK's FILTER_VALIDATE_BOOLEAN accepts shows up in real RE data. */
    private static final String[] RECEIVES_NEWS = {"1", "1", "1", "0", "0", "0", "true", "false", "yes", "no", ""};
    /** RE's price groups (reference 7.2 and the simulator's six): standard 2..4, fixed 1..3. */
    private static final int[] STANDARD_GROUPS = {2, 3, 4};
    private static final int[] FIXED_GROUPS = {1, 2, 3};

    private final long seed;
    private final int count;

    GeneratedCustomers(long seed, int count) {
        this.seed = seed;
        this.count = count;
    }

    int count() {
        return count;
    }

    boolean isCustomer(int id) {
        return id >= FIRST_ID && id - FIRST_ID < count;
    }

    Optional<StoredCustomer> customer(int id) {
        if (!isCustomer(id)) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL);
        int index = id - FIRST_ID;
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("BillFirstName", first);
        f.put("BillLastName", last);
        // One in forty has no email: RE allows it and readers fall back to <id>@example.com.
        f.put("BillEmail", random.nextInt(40) == 0 ? "" : email(first, last, index, random));
        f.put("BillCompany", random.nextInt(5) == 0 ? pick(random, COMPANIES) : "");
        Locality home = LOCALITIES.get(random.nextInt(LOCALITIES.size()));
        putAddress(f, "Bill", home, random);
        f.put("BillPhone", phone(home, random));
        f.put("BillFax", random.nextInt(30) == 0 ? "(%s) %04d %04d".formatted(home.areaCode(),
                random.nextInt(10_000), random.nextInt(10_000)) : "");
        putDelivery(f, first, last, home, random);
        f.put("ReceivesNews", pick(random, RECEIVES_NEWS));
        f.put("PriceGroupId", random.nextInt(6) == 0 ? String.valueOf(pick(random, STANDARD_GROUPS)) : "");
        f.put("FixedPriceGroupId", random.nextInt(12) == 0 ? String.valueOf(pick(random, FIXED_GROUPS)) : "");
        f.put("LoyaltyPointsAvailable", String.valueOf(random.nextInt(3) == 0 ? random.nextInt(2_000) : 0));
        // A few are kept off the web store, so GetCustomerIds(OnlyCustomersForExport) has something to filter.
        f.put("ExportToWSI", random.nextInt(20) == 0 ? "0" : "1");
        return Optional.of(new StoredCustomer(id, f));
    }

    /** Unique per id (the index is in it), so a sync keyed on email never merges two generated customers. */
    private static String email(String first, String last, int index, SplittableRandom random) {
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + "." + index + "@" + pick(random, EMAIL_DOMAINS);
    }

    /** Lines 1 and 2 as RE holds them: sometimes "Unit n" then the street (like customer 300000). */
    private static void putAddress(Map<String, String> f, String prefix, Locality where, SplittableRandom random) {
        String street = (1 + random.nextInt(400)) + " " + pick(random, STREETS) + " " + pick(random, STREET_TYPES);
        if (random.nextInt(4) == 0) {
            f.put(prefix + "Address", "Unit " + (1 + random.nextInt(40)));
            f.put(prefix + "Address2", street);
        } else {
            f.put(prefix + "Address", street);
            f.put(prefix + "Address2", "");
        }
        f.put(prefix + "Suburb", where.suburb());
        // RE keeps whatever the shop typed: the full state name or its code.
        f.put(prefix + "State", random.nextBoolean() ? where.state() : where.stateCode());
        f.put(prefix + "PostCode", where.postcode());
        int country = random.nextInt(16);
        f.put(prefix + "Country", country < 12 ? "Australia" : country < 15 ? "AU" : "Aus");
    }

    private static String phone(Locality where, SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1, 2, 3, 4 -> "04%02d %03d %03d".formatted(random.nextInt(100), random.nextInt(1_000),
                    random.nextInt(1_000));
            default -> "(%s) %04d %04d".formatted(where.areaCode(), random.nextInt(10_000), random.nextInt(10_000));
        };
    }

    /**
     * RE's delivery contact is a single DelName plus address fields. Most customers have only their own name there
     * (as 300000 does) or nothing at all; some ship elsewhere, to themselves or to someone else, and a few to a
     * one-word name, which the SDK cannot split and so drops.
     */
    private static void putDelivery(Map<String, String> f, String first, String last, Locality home,
                                    SplittableRandom random) {
        int kind = random.nextInt(20);
        String delName;
        if (kind < 9) {
            delName = first + " " + last;
        } else if (kind < 14) {
            delName = "";
        } else if (kind < 18) {
            delName = first + " " + last;
        } else if (kind < 19) {
            delName = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
        } else {
            delName = pick(random, FIRST_NAMES);
        }
        f.put("DelName", delName);
        boolean elsewhere = kind >= 14;
        if (elsewhere) {
            f.put("DelCompany", random.nextInt(3) == 0 ? pick(random, COMPANIES) : "");
            Locality where = random.nextBoolean() ? home : LOCALITIES.get(random.nextInt(LOCALITIES.size()));
            putAddress(f, "Del", where, random);
            f.put("DelPhone", phone(where, random));
        } else {
            for (String field : List.of("DelCompany", "DelAddress", "DelAddress2", "DelSuburb", "DelState",
                    "DelPostCode", "DelCountry", "DelPhone")) {
                f.put(field, "");
            }
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }
}
