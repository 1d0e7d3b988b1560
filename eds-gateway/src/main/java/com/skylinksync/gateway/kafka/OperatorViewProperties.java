package com.skylinksync.gateway.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's operator views of topics ({@code skylink.gateway.views.*}): dead letters, parked writes, the RE
 * budget and paused groups are followed continuously into memory, so a request never reads a topic.
 *
 * @param maxQuarantined most dead letters and parked writes (each) held in memory; past it the oldest leave the
 *                       lists (their count is {@code letGo} on a list) but can still be shown and redriven by id
 * @param topicRefresh   how often the topic list is read for new {@code .dlt} / {@code .parked} topics
 */
@ConfigurationProperties("skylink.gateway.views")
public record OperatorViewProperties(@DefaultValue("50000") int maxQuarantined, @DefaultValue("10s") Duration topicRefresh) {

    public OperatorViewProperties {
        if (maxQuarantined < 1) {
            throw new IllegalArgumentException("skylink.gateway.views.max-quarantined must be positive");
        }
    }
}
