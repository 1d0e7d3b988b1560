package com.skylinksync.gateway;

import com.skylinksync.schemas.TopicCatalog;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway takes EDS notifications from Retail Express and hands them to Kafka.
 *
 * @param apiKeys             keys RE may send in {@code x-api-key}; several so a key can be rotated without downtime
 *                            (add the new one, switch RE over, remove the old one). Secrets: supply them from the
 *                            environment, never from a committed file; they are never logged.
 * @param clientId            the Retail Express client (UUID) whose notifications are accepted; any other
 *                            {@code client_id} is refused with 403
 * @param salesChannels       RE sales channel ids this store syncs; a notification for any other channel is refused with 422
 * @param maxBodyBytes        largest notification body accepted; larger ones are refused with 413 before being parsed
 * @param maxEntities         most entities (summed over all change sets) one notification may carry; more is refused with 422
 * @param topicPartitions     partitions of each topic the gateway declares (entity topics and completions): the ceiling
 *                            on consumer pods per sync service
 * @param publishWait         how long a notification waits for its events to be acknowledged by Kafka before it is
 *                            answered; the change set is durable either way (the outbox relay keeps trying)
 * @param relayEnabled        whether this replica drains the outbox to Kafka; off only to test crash recovery or to run
 *                            a replica that takes notifications while another one publishes
 * @param relayPollInterval   how often the relay looks for unpublished events that no registration woke it for
 *                            (left by a crash, another replica, or a Kafka outage)
 * @param relayBatchSize      most outbox events one relay transaction claims and publishes (a registration's row is
 *                            taken whole, so a bigger one goes alone)
 * @param ackAttempts         immediate attempts at RE's {@code ChangeSetProcessed} before leaving the change set to the sweep
 * @param ackBackoff          first pause between those attempts; doubles each time
 * @param ackSweepInterval    how often the sweep looks for change sets to (re)acknowledge
 * @param ackLease            how long a claimed acknowledgement belongs to the replica that claimed it; after that the
 *                            sweep takes it over (the claimer crashed, or its attempts all failed)
 * @param bulkPollInterval    how often the bulk expander looks for due bulk entities (SalesChannel, BulkCustomer) that
 *                            no registration woke it for (left by a crash, another replica, or a retry)
 * @param bulkChunkSize       enumerated entities added to a change set (and its outbox) per database transaction
 * @param bulkLease           how long a claimed bulk enumeration belongs to the replica that claimed it before another
 *                            may take it over; longer than the slowest enumeration plus its chunks
 * @param bulkRetryBackoff    first pause before retrying an enumeration RE failed transiently; doubles up to the lease
 * @param metricsInterval     how often the outbox and acknowledgement gauges are sampled from the database; consumer lag
 *                            and the RE budget windows are read every three intervals
 * @param healthTimeout       how long a health check may wait for Kafka (or RE) before reporting it down
 */
@ConfigurationProperties("skylink.gateway")
public record GatewayProperties(
        List<String> apiKeys,
        UUID clientId,
        List<Integer> salesChannels,
        @DefaultValue("1MB") DataSize maxBodyBytes,
        @DefaultValue("10000") int maxEntities,
        @DefaultValue("" + TopicCatalog.DEFAULT_PARTITIONS) int topicPartitions,
        @DefaultValue("5s") Duration publishWait,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration relayPollInterval,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("3") int ackAttempts,
        @DefaultValue("1s") Duration ackBackoff,
        @DefaultValue("30s") Duration ackSweepInterval,
        @DefaultValue("2m") Duration ackLease,
        @DefaultValue("2s") Duration bulkPollInterval,
        @DefaultValue("1000") int bulkChunkSize,
        @DefaultValue("5m") Duration bulkLease,
        @DefaultValue("5s") Duration bulkRetryBackoff,
        @DefaultValue("5s") Duration metricsInterval,
        @DefaultValue("2s") Duration healthTimeout) {

    public GatewayProperties {
        // Fail at start-up, not at the first notification: a gateway without keys or a client would refuse everything.
        if (apiKeys == null || apiKeys.stream().allMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("skylink.gateway.api-keys must hold at least one non-blank key");
        }
        if (clientId == null) {
            throw new IllegalArgumentException("skylink.gateway.client-id (the Retail Express client UUID) is required");
        }
        if (salesChannels == null || salesChannels.isEmpty()) {
            throw new IllegalArgumentException("skylink.gateway.sales-channels must list at least one channel id");
        }
        if (maxEntities < 1 || topicPartitions < 1 || relayBatchSize < 1 || ackAttempts < 1 || bulkChunkSize < 1) {
            throw new IllegalArgumentException(
                    "skylink.gateway max-entities, topic-partitions, relay-batch-size, ack-attempts and bulk-chunk-size must be positive");
        }
        apiKeys = apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        salesChannels = List.copyOf(salesChannels);
    }

    /** Keys are secrets: keep them out of logs, actuator output and exception messages. */
    @Override
    public String toString() {
        return "GatewayProperties[apiKeys=" + apiKeys.size() + " key(s), clientId=" + clientId + ", salesChannels=" + salesChannels
                + ", maxBodyBytes=" + maxBodyBytes + ", maxEntities=" + maxEntities + ", topicPartitions=" + topicPartitions
                + ", publishWait=" + publishWait + ", relayEnabled=" + relayEnabled + ", bulkChunkSize=" + bulkChunkSize + "]";
    }
}
