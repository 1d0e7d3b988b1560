package com.skylinksync.retailexpress.outlets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SDK's seven-field address (reference 5): three lines, city, state, postcode and an ISO country code (null when
 * RE's country was empty or unknown — not an error). Rendered as the non-empty lines, then "city state postcode",
 * then the country's English name, one per line.
 */
public record OutletAddress(String line1, String line2, String line3, String city, String state, String postcode,
                            String countryCode) {

    public OutletAddress {
        line1 = blankless(line1);
        line2 = blankless(line2);
        line3 = blankless(line3);
        city = blankless(city);
        state = blankless(state);
        postcode = blankless(postcode);
    }

    public String render() {
        List<String> lines = new ArrayList<>();
        Stream.of(line1, line2, line3).filter(l -> !l.isEmpty()).forEach(lines::add);
        String locality = Stream.of(city, state, postcode).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        if (!locality.isEmpty()) {
            lines.add(locality);
        }
        if (countryCode != null) {
            lines.add(Locale.of("", countryCode).getDisplayCountry(Locale.ENGLISH));
        }
        return String.join("\n", lines);
    }

    private static String blankless(String value) {
        return value == null ? "" : value.strip();
    }
}
