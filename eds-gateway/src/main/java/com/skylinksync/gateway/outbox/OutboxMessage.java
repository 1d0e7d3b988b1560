package com.skylinksync.gateway.outbox;

import java.time.Instant;

/**
 * One event waiting in the outbox.
 *
 * @param changeSetId the change set it belongs to (what a waiting request watches)
 * @param topic       where it goes
 * @param key         its Kafka key ({@code EntityKey}: the RE entity id, {@code brand:7} for an attribute option),
 *                    which keeps each entity's events in order
 * @param payload     the serialized event
 * @param createdAt   when it was registered
 */
public record OutboxMessage(String changeSetId, String topic, String key, byte[] payload, Instant createdAt) {
}
