package com.skylinksync.retailexpress;

/**
 * A postal address as Retail Express holds it (two street lines). {@code countryCode} is ISO 3166-1 alpha-2,
 * resolved from whatever RE sent (a name, a code or an alias such as "aus."); null when empty or unrecognised.
 * Empty strings, never null, for the text fields.
 */
public record Address(String line1, String line2, String city, String state, String postcode, String countryCode) {

    public static final Address EMPTY = new Address("", "", "", "", "", null);

    /** The original extension's rule: empty when every line, city, state and postcode is empty and there is no country. */
    public boolean isEmpty() {
        return line1.isEmpty() && line2.isEmpty() && city.isEmpty() && state.isEmpty() && postcode.isEmpty()
                && countryCode == null;
    }
}
