package com.skylinksync.sandbox.magento;

import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /V1/directory/countries/:countryId (M/Directory/Model/CountryInformationAcquirer::getCountryInfo).
 *
 * <p>Access: the code index holds no 2.4 copy of M/Directory/etc/webapi.xml, and Adobe lists the directory among the
 * endpoints closed to guests unless "Allow Anonymous Guest Access" is on; the simulator requires the token, under an
 * ACL resource name of its own choosing.
 */
final class DirectoryResource {

    private final CountryDirectory directory;
    private final ObjectMapper json;

    DirectoryResource(CountryDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "directory/countries/:countryId", "Magento_Backend::admin", this::country));
    }

    /** A country the store does not allow is a NoSuchEntityException without parameters. */
    private Reply country(Route.Call call) {
        var country = directory.country(call.parameter("countryId"))
                .orElseThrow(() -> MagentoFault.of(404, "Requested country is not available."));
        ObjectNode answer = json.createObjectNode();
        answer.put("id", country.id());
        answer.put("two_letter_abbreviation", country.id());
        answer.put("three_letter_abbreviation", country.iso3());
        answer.put("full_name_locale", country.name());
        answer.put("full_name_english", country.name());
        if (!country.regions().isEmpty()) {
            // RegionInformationInterface::getId is a string.
            var regions = answer.putArray("available_regions");
            country.regions().forEach(region -> regions.addObject()
                    .put("id", Integer.toString(region.id())).put("code", region.code()).put("name", region.name()));
        }
        return Reply.json(200, answer);
    }
}
