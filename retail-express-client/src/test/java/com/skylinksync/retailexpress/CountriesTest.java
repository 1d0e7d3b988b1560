package com.skylinksync.retailexpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    void writesEnglishNamesAndNothingForNoCountry() {
        assertThat(countries.nameOf("AU")).isEqualTo("Australia");
        assertThat(countries.nameOf("nz")).isEqualTo("New Zealand");
        assertThat(countries.nameOf(null)).isEmpty();
        assertThat(countries.nameOf("XX")).isEmpty();
    }

    @Test
    void everyNameItWritesReadsBackAsTheSameCode() {
        for (String code : java.util.Locale.getISOCountries()) {
            assertThat(countries.resolve(countries.nameOf(code))).as(code).isEqualTo(code);
        }
    }
}
