package com.skylinksync.customers.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Magento → Retail Express customer push ({@code skylink.customers.push.*}).
 *
 * @param enabled   poll Magento and push; off, nothing is pushed (Retail Express → Magento still runs)
 * @param interval  pause between the end of one poll and the start of the next
 * @param pageSize  customers per Magento search page
 * @param lease     how long one pod holds the right to poll; another pod takes over after it runs out when the
 *                  holder died (a pod that stops gives it up at once). Longer than a poll takes.
 * @param startFrom where a first-ever poll starts, as Magento's {@code yyyy-MM-dd HH:mm:ss} (UTC); unset, from the
 *                  moment the service first runs, so existing customers are not all pushed at once (set
 *                  {@code 1970-01-01 00:00:00} to push every Magento customer once)
 */
@ConfigurationProperties("skylink.customers.push")
public record CustomerPushProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("30s") Duration interval,
                                     @DefaultValue("100") int pageSize,
                                     @DefaultValue("2m") Duration lease,
                                     String startFrom) {

    public CustomerPushProperties {
        if (interval.isNegative() || interval.isZero() || pageSize < 1 || lease.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("skylink.customers.push: interval must be positive, page-size at least 1"
                    + " and lease longer than interval");
        }
        if (startFrom != null && !startFrom.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")) {
            throw new IllegalArgumentException("skylink.customers.push.start-from must look like 2026-01-31 23:59:59: "
                    + startFrom);
        }
    }
}
