package com.skylinksync.retailexpress;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Countries as Retail Express writes them: an English name ("Australia"), an ISO 3166-1 alpha-2 code, or an alias.
 * The JDK's own ISO list with English display names stands in for the SDK's countries.json, so no table is kept here.
 */
final class Countries {

    /** The SDK's only alias (countries.json): RE users type "aus" or "aus." for Australia. */
    private static final Pattern AUSTRALIA_ALIAS = Pattern.compile("^aus\\.?$", Pattern.CASE_INSENSITIVE);

    private final Set<String> codes = Set.of(Locale.getISOCountries());
    private final Map<String, String> codesByLowerCaseName = new HashMap<>();

    Countries() {
        for (String code : codes) {
            codesByLowerCaseName.put(englishName(code).toLowerCase(Locale.ROOT), code);
        }
    }

    /** The ISO alpha-2 code for what RE sent, trying name, then code, then alias; null when empty or unknown (not an error). */
    String resolve(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        String byName = codesByLowerCaseName.get(value.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && codes.contains(upper)) {
            return upper;
        }
        return AUSTRALIA_ALIAS.matcher(value).matches() ? "AU" : null;
    }

    /** The English name RE expects on writes, or '' for no (or an unknown) country. */
    String nameOf(String code) {
        if (code == null || !codes.contains(code.toUpperCase(Locale.ROOT))) {
            return "";
        }
        return englishName(code.toUpperCase(Locale.ROOT));
    }

    private static String englishName(String code) {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
