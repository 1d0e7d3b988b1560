package com.skylinksync.runtime;

import com.skylinksync.connector.EntitySyncer;
import com.skylinksync.schemas.TopicCatalog;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a sync service consumes its entity topic ({@code skylink.sync.*}).
 *
 * @param service           the service's name, reported in every {@code EntitySynced}
 * @param topics            the entity topics consumed, e.g. {@code skylink.re.customers,skylink.re.price-groups};
 *                          each event goes to the {@link EntitySyncer} of its entity type
 * @param concurrency       groups of entities synced at once in this pod, each on its own virtual thread; independent
 *                          of the partition count (keys, not partitions, are the unit of order)
 * @param batchSize         most distinct entities handed to the syncer at once (one RE call for all where the operation
 *                          takes a list)
 * @param maxPendingRecords records received but not yet finished above which the pod stops fetching (back-pressure)
 * @param topicPartitions   partitions of the topics this service declares when they are missing (the ceiling on pods)
 * @param retryInitial      first backoff after a transient failure
 * @param retryMultiplier   growth of the backoff per attempt
 * @param retryMax          longest single backoff
 * @param retryJitter       share of each backoff drawn at random (0..1), so entities failing together do not retry together
 * @param retryGiveUpAfter  time a transient failure is retried before the event is dead-lettered
 * @param shutdownGrace     how long a stopping pod waits for running syncs; what is still running or waiting after it
 *                          is handed back (its offsets are not committed, another pod re-reads it)
 */
@ConfigurationProperties("skylink.sync")
public record SyncProperties(String service, java.util.List<String> topics,
                             @DefaultValue("16") int concurrency,
                             @DefaultValue("50") int batchSize,
                             @DefaultValue("5000") int maxPendingRecords,
                             @DefaultValue("" + TopicCatalog.DEFAULT_PARTITIONS) int topicPartitions,
                             @DefaultValue("500ms") Duration retryInitial,
                             @DefaultValue("2.0") double retryMultiplier,
                             @DefaultValue("30s") Duration retryMax,
                             @DefaultValue("0.5") double retryJitter,
                             @DefaultValue("5m") Duration retryGiveUpAfter,
                             @DefaultValue("20s") Duration shutdownGrace) {

    public SyncProperties {
        if (concurrency < 1 || batchSize < 1 || maxPendingRecords < 1) {
            throw new IllegalArgumentException("skylink.sync.concurrency, batch-size and max-pending-records must be positive");
        }
        if (retryJitter < 0 || retryJitter > 1) {
            throw new IllegalArgumentException("skylink.sync.retry-jitter must be between 0 and 1: " + retryJitter);
        }
    }
}
