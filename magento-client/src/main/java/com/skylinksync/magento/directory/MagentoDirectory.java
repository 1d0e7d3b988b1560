package com.skylinksync.magento.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.skylinksync.magento.MagentoTransport;
import java.util.List;
import java.util.Objects;

/**
 * Magento's directory ({@code /V1/directory/countries}): the regions of a country, which customer and order addresses
 * name by id. Ids differ between stores, so they are looked up, never hard-coded.
 */
public final class MagentoDirectory {

    private final MagentoTransport transport;

    public MagentoDirectory(MagentoTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * {@code GET /V1/directory/countries/{countryId}} → its regions; empty when Magento has none for it, or does not
     * allow the country at all (saving an address there then fails on Magento's own terms).
     */
    public List<MagentoRegion> regionsOf(String countryId) {
        return transport.find("/V1/directory/countries/" + MagentoTransport.segment(countryId), Country.class)
                .map(country -> country.availableRegions() == null ? List.<MagentoRegion>of()
                        : country.availableRegions().stream()
                                .map(region -> new MagentoRegion(Integer.valueOf(region.id().trim()), region.code(), region.name()))
                                .toList())
                .orElse(List.of());
    }

    record Country(String id, @JsonProperty("available_regions") List<AvailableRegion> availableRegions) {
    }

    /** Magento types the id as a string here, unlike everywhere else. */
    record AvailableRegion(String id, String code, String name) {
    }
}
