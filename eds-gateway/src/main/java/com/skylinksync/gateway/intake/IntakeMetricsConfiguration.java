package com.skylinksync.gateway.intake;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounds on intake metrics whose tags come from what RE sends. */
@Configuration(proxyBeanMethods = false)
class IntakeMetricsConfiguration {

    /** Distinct unknown EDS types counted by name; past this, new names are only logged. */
    static final int MAX_IGNORED_TYPE_SERIES = 20;

    /**
     * The ignored-types counter is tagged with the Type text RE sent: without a bound, a caller sending ever-new
     * type names would grow the metric series without limit.
     */
    @Bean
    MeterFilter boundedIgnoredTypes() {
        return MeterFilter.maximumAllowableTags("skylink.gateway.eds.ignored.types", "type", MAX_IGNORED_TYPE_SERIES,
                MeterFilter.deny());
    }
}
