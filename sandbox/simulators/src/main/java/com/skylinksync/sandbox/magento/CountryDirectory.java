package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The countries the simulated store allows and their regions ({@code general/country/allow} is set to these five, so
 * other countries are refused in addresses and unknown to {@code /V1/directory/countries/{id}}).
 *
 * <p>Region ids are this simulator's choice: a Magento install numbers regions in the order its data patches ran,
 * so ids differ between stores and code must look them up, never hard-code them. Australia's states follow
 * Magento's {@code AddDataForAustralia} patch order (ACT, NSW, VIC, QLD, SA, TAS, WA, NT) as 569..576, which is what
 * a stock 2.4 install assigns. The United States carry a handful of their 65 regions, with Magento's ids; New Zealand,
 * Great Britain and Singapore have none, so their addresses take a free-text region.
 */
final class CountryDirectory {

    record Region(int id, String code, String name) {
    }

    /** {@code regionRequired}: Magento's {@code general/region/state_required}, which lists AU and US in a stock store. */
    record Country(String id, String iso3, String name, boolean regionRequired, List<Region> regions) {

        Optional<Region> region(int regionId) {
            return regions.stream().filter(region -> region.id() == regionId).findFirst();
        }

        /** M/Directory/Model/ResourceModel/Region::loadByCode; the collation ignores case. */
        Optional<Region> regionByCode(String code) {
            return regions.stream().filter(region -> region.code().equalsIgnoreCase(code)).findFirst();
        }
    }

    private final Map<String, Country> countries;

    CountryDirectory() {
        this.countries = List.of(
                new Country("AU", "AUS", "Australia", true, List.of(
                        new Region(569, "ACT", "Australian Capital Territory"),
                        new Region(570, "NSW", "New South Wales"),
                        new Region(571, "VIC", "Victoria"),
                        new Region(572, "QLD", "Queensland"),
                        new Region(573, "SA", "South Australia"),
                        new Region(574, "TAS", "Tasmania"),
                        new Region(575, "WA", "Western Australia"),
                        new Region(576, "NT", "Northern Territory"))),
                new Country("US", "USA", "United States", true, List.of(
                        new Region(1, "AL", "Alabama"),
                        new Region(2, "AK", "Alaska"),
                        new Region(12, "CA", "California"),
                        new Region(43, "NY", "New York"),
                        new Region(57, "TX", "Texas"),
                        new Region(62, "WA", "Washington"))),
                new Country("NZ", "NZL", "New Zealand", false, List.of()),
                new Country("GB", "GBR", "United Kingdom", false, List.of()),
                new Country("SG", "SGP", "Singapore", false, List.of()))
                .stream().collect(Collectors.toUnmodifiableMap(Country::id, Function.identity()));
    }

    Optional<Country> country(String countryId) {
        return countryId == null ? Optional.empty() : Optional.ofNullable(countries.get(countryId));
    }
}
