package com.skylinksync.testkit;

import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.Topics;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code EntityChanged} events as the gateway writes them, and a producer to publish them keyed by entity id (as the
 * gateway keys them): real-time work to an entity topic, backlog work (bulk, replay) to its {@code .bulk} twin.
 */
public final class EntityEvents implements AutoCloseable {

    /** The RE client id of events when no Retail Express simulator runs. */
    public static final String TEST_CLIENT_ID = "00000000-0000-4000-8000-000000000001";

    /** The sales channel of every event (the sandbox's). */
    public static final int SALES_CHANNEL = 1;

    private final KafkaProducer<String, SpecificRecord> producer;
    private final String clientId;

    EntityEvents(String bootstrapServers, String clientId) {
        this.clientId = clientId;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new AvroEventSerializer());
    }

    /** A change EDS reported (real time). */
    public EntityChanged changed(EntityType type, String entityId, String changeSet) {
        return changed(type, entityId, changeSet, Origin.EDS);
    }

    /** A bulk resync's event (backlog): publish it with {@link #publishBacklog}. */
    public EntityChanged backlog(EntityType type, String entityId, String changeSet) {
        return changed(type, entityId, changeSet, Origin.BULK);
    }

    public EntityChanged changed(EntityType type, String entityId, String changeSet, Origin origin) {
        return builder(type, entityId, changeSet, origin).build();
    }

    /** For what the shortcuts leave out (an attribute code, a version or snapshot...). */
    public EntityChanged.Builder builder(EntityType type, String entityId, String changeSet, Origin origin) {
        return EntityChanged.newBuilder().setChangeSetId(changeSet).setOrigin(origin)
                .setClientId(clientId).setSalesChannelId(SALES_CHANNEL)
                .setEntityType(type).setEntityId(entityId).setAttributeCode(null).setVersion(null).setSnapshot(null)
                .setObservedAt(Instant.now()).setTraceId(UUID.randomUUID().toString());
    }

    /** To its entity type's topic ({@code Topics.forEntityType}), acknowledged by the broker before this returns. */
    public void publish(EntityChanged event) {
        publish(Topics.forEntityType(event.getEntityType()), event);
    }

    /** To the backlog twin of its entity type's topic. */
    public void publishBacklog(EntityChanged event) {
        publish(Topics.backlog(Topics.forEntityType(event.getEntityType())), event);
    }

    public void publish(String topic, EntityChanged event) {
        publishAll(topic, List.of(event));
    }

    /** Sends all before awaiting any (as a burst of EDS repeats arrives), so they are all waiting when the service polls. */
    public void publishAll(String topic, List<EntityChanged> events) {
        List<Future<?>> sent = events.stream()
                .<Future<?>>map(event -> producer.send(new ProducerRecord<>(topic, event.getEntityId(), event))).toList();
        producer.flush();
        try {
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not publish " + events.size() + " events to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
