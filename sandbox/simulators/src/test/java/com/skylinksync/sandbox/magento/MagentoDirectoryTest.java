package com.skylinksync.sandbox.magento;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The directory resource: the countries the store allows and their regions. */
class MagentoDirectoryTest extends FreshStoreTest {

    @Test
    void countriesCarryMagentosRegions() throws Exception {
        JsonNode australia = rest.ok(rest.send("GET", "/V1/directory/countries/AU", null));

        assertThat(australia.get("available_regions")).hasSize(8);
        assertThat(australia.get("available_regions").findValuesAsString("code"))
                .containsExactlyInAnyOrder("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA");
        assertThat(australia.at("/available_regions/3/name").asString()).isEqualTo("Queensland");
        assertThat(australia.at("/available_regions/3/id").isString()).isTrue();
        assertThat(australia.at("/available_regions/3/id").asString()).isEqualTo("572");
        assertThat(rest.ok(rest.send("GET", "/V1/directory/countries/NZ", null)).has("available_regions")).isFalse();
    }

    @Test
    void aCountryTheStoreDoesNotAllowIsNotAvailable() throws Exception {
        var unknown = rest.send("GET", "/V1/directory/countries/XX", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toString()).isEqualTo("{\"message\":\"Requested country is not available.\"}");
    }
}
