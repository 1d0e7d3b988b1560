package com.skylinksync.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a sync service consumes its entity topic ({@code skylink.sync.*}).
 *
 * @param service          the service's name, reported in every {@code EntitySynced}
 * @param topic            the entity topic consumed, e.g. {@code skylink.re.customers}
 * @param concurrency      consumer threads in this pod (at most the topic's partitions are busy at once)
 * @param topicPartitions  partitions of the topics this service declares when they are missing (the ceiling on pods)
 * @param retryInitial     first backoff after a transient failure
 * @param retryMultiplier  growth of the backoff per attempt
 * @param retryMax         longest single backoff
 * @param retryGiveUpAfter total time a transient failure is retried before the event is dead-lettered
 */
@ConfigurationProperties("skylink.sync")
public record SyncProperties(String service, String topic,
                             @DefaultValue("3") int concurrency,
                             @DefaultValue("12") int topicPartitions,
                             @DefaultValue("500ms") Duration retryInitial,
                             @DefaultValue("2.0") double retryMultiplier,
                             @DefaultValue("30s") Duration retryMax,
                             @DefaultValue("5m") Duration retryGiveUpAfter) {
}
