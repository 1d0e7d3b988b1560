package com.skylinksync.customers.inbound;

import com.skylinksync.magento.directory.MagentoDirectory;
import com.skylinksync.magento.directory.MagentoRegion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Turns Retail Express's free-text state ("Queensland", "QLD") into Magento's region for the country.
 * Magento's region lists hardly ever change, so each country's list is fetched once per process.
 */
@Component
class RegionDirectory {

    private final MagentoDirectory directory;
    private final Map<String, List<MagentoRegion>> regionsByCountry = new ConcurrentHashMap<>();

    RegionDirectory(MagentoDirectory directory) {
        this.directory = directory;
    }

    /**
     * The Magento region for a state: matched on code or name, compared on letters and digits only, ignoring case
     * (the original extension's rule). A country without regions takes the state as free text (region id 0);
     * a country with regions but no match gets no region, and Magento says whether it needs one.
     */
    MagentoRegion resolve(String countryId, String state) {
        if (countryId == null || state.isBlank()) {
            return state.isBlank() ? null : new MagentoRegion(0, null, state);
        }
        List<MagentoRegion> regions = regionsByCountry.computeIfAbsent(countryId, directory::regionsOf);
        if (regions.isEmpty()) {
            return new MagentoRegion(0, null, state);
        }
        String wanted = normalise(state);
        return regions.stream()
                .filter(r -> wanted.equals(normalise(r.regionCode())) || wanted.equals(normalise(r.region())))
                .findFirst()
                .orElse(null);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
