package com.skylinksync.drift;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skylink.drift.*}: what a comparison compares and how much of RE's budget it may use.
 *
 * @param channels          RE sales channel → Magento website code, as the catalog service is configured
 *                          ({@code skylink.catalog.channels}); the first channel's data is the global data. Default {@code 1: base}
 * @param budgetShare       share (0..1] of each RE window a comparison may use: it paces its calls at this share of RE's
 *                          binding rate and stops (report incomplete) after this share of the day window. Default 0.2
 * @param batchSize         product or customer ids per RE call (default 50, the catalog's batch)
 * @param pageSize          Magento search page size (default 200)
 * @param orderAge          a Magento order younger than this is not yet expected in RE (default 1 hour)
 * @param orderLookback     orders created longer ago than this are not compared (default 30 days)
 * @param timeZone          the store's time zone for special price dates (as {@code skylink.catalog.time-zone}; UTC)
 * @param qtyOnOrder        whether Magento's qty includes RE's on-order stock ({@code skylink.catalog.qty-calculation=available-on-order})
 * @param attributes        RE attribute code → Magento attribute code, as {@code skylink.catalog.attributes} (defaults as the catalog's)
 * @param reLimits          RE's windows the share applies to (RE's own: 25/s, 1,200/min, 30,000/h, 150,000/day)
 * @param schedule          cron of the scheduled comparison in the gateway (default daily at 03:00 UTC); "-" turns it off
 * @param scheduledScope    what the scheduled comparison covers (default all)
 */
@ConfigurationProperties("skylink.drift")
public record DriftProperties(Map<Integer, String> channels, Double budgetShare, Integer batchSize, Integer pageSize,
                              Duration orderAge, Duration orderLookback, ZoneId timeZone, Boolean qtyOnOrder,
                              Map<String, String> attributes, Limits reLimits, String schedule, DriftScope scheduledScope) {

    /** RE's per-client windows. */
    public record Limits(Integer perSecond, Integer perMinute, Integer perHour, Integer perDay) {

        public Limits {
            perSecond = perSecond == null ? 25 : perSecond;
            perMinute = perMinute == null ? 1_200 : perMinute;
            perHour = perHour == null ? 30_000 : perHour;
            perDay = perDay == null ? 150_000 : perDay;
        }

        /** A window's limit scaled by the share, at least one call. */
        static int share(int limit, double share) {
            return Math.max(1, (int) Math.floor(limit * share));
        }
    }

    public DriftProperties {
        channels = channels == null || channels.isEmpty() ? Map.of(1, "base") : Map.copyOf(new LinkedHashMap<>(channels));
        budgetShare = budgetShare == null ? 0.2 : budgetShare;
        if (budgetShare <= 0 || budgetShare > 1) {
            throw new IllegalArgumentException("skylink.drift.budget-share must be in (0, 1], got " + budgetShare);
        }
        batchSize = batchSize == null ? 50 : batchSize;
        pageSize = pageSize == null ? 200 : pageSize;
        orderAge = orderAge == null ? Duration.ofHours(1) : orderAge;
        orderLookback = orderLookback == null ? Duration.ofDays(30) : orderLookback;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        qtyOnOrder = qtyOnOrder != null && qtyOnOrder;
        Map<String, String> mapped = new LinkedHashMap<>(Map.of("brand", "manufacturer", "colour", "color",
                "product_type", "skylink_product_type", "season", "season", "size", "size",
                "custom_1", "custom_1", "custom_2", "custom_2", "custom_3", "custom_3"));
        if (attributes != null) {
            mapped.putAll(attributes);
        }
        attributes = Map.copyOf(mapped);
        reLimits = reLimits == null ? new Limits(null, null, null, null) : reLimits;
        schedule = schedule == null || schedule.isBlank() ? "0 0 3 * * *" : schedule;
        scheduledScope = scheduledScope == null ? DriftScope.ALL : scheduledScope;
    }

    /** These settings for one of the configured channels only. */
    public DriftProperties onlyChannel(int channel) {
        String website = channels.get(channel);
        if (website == null) {
            throw new IllegalArgumentException("Channel " + channel + " is not compared: skylink.drift.channels has " + channelIds());
        }
        return new DriftProperties(Map.of(channel, website), budgetShare, batchSize, pageSize, orderAge, orderLookback,
                timeZone, qtyOnOrder, attributes, reLimits, schedule, scheduledScope);
    }

    /** Every default. */
    public static DriftProperties defaults() {
        return new DriftProperties(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Calls a comparison may make per second, minute and hour: its share of each of RE's windows. */
    public int perSecond() {
        return Limits.share(reLimits.perSecond(), budgetShare);
    }

    public int perMinute() {
        return Limits.share(reLimits.perMinute(), budgetShare);
    }

    public int perHour() {
        return Limits.share(reLimits.perHour(), budgetShare);
    }

    /**
     * How long {@code calls} RE calls take at the comparison's share of each window (the calls themselves assumed
     * instant): each hour's share goes in minutes' shares, each minute's share at the second's share, so the last call
     * starts at {@code hours·3600 + minutes·60 + rest / perSecond} seconds.
     */
    public java.time.Duration timeFor(long calls) {
        if (calls <= 0) {
            return java.time.Duration.ZERO;
        }
        long last = calls - 1;
        long inHour = last % perHour();
        double seconds = (last / perHour()) * 3_600.0 + (inHour / perMinute()) * 60.0 + (inHour % perMinute()) / (double) perSecond();
        return java.time.Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** The most RE calls one comparison may make: its share of the day window. */
    public long callCap() {
        return (long) Math.floor(reLimits.perDay() * budgetShare);
    }

    /** The channels in id order (the first is the primary one, as in the catalog service). */
    public java.util.List<Integer> channelIds() {
        return channels.keySet().stream().sorted().toList();
    }
}
