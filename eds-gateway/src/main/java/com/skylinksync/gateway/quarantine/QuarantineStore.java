package com.skylinksync.gateway.quarantine;

import com.skylinksync.gateway.kafka.OperatorViewProperties;
import com.skylinksync.gateway.kafka.TopicFollower;
import com.skylinksync.gateway.kafka.TopicReader;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.avro.EntityChanged;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Dead letters and parked writes, with what operators did with each (the database). The records come from a view,
 * not from the topics: a {@link TopicFollower} reads every {@code .dlt} and {@code .parked} topic once and then what
 * is appended, into memory bounded by {@code skylink.gateway.views.max-quarantined} per kind (the oldest let go
 * first); a request lists the view. A record let go from the view is still found by id (one record read).
 */
@Component
class QuarantineStore implements AutoCloseable {

    private final TopicReader reader;
    private final DatabaseClient db;
    private final AvroEventDeserializer events = new AvroEventDeserializer();
    private final int max;
    private final Map<Quarantine, LinkedHashMap<String, Found>> view = new EnumMap<>(Quarantine.class);
    private final Map<Quarantine, Long> letGo = new EnumMap<>(Quarantine.class);
    private final TopicFollower follower;
    /** How long a request waits for the view to hold what was written before it. */
    private static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(5);

    QuarantineStore(TopicReader reader, DatabaseClient db, OperatorViewProperties views, MeterRegistry meters) {
        this.reader = reader;
        this.db = db;
        this.max = views.maxQuarantined();
        for (Quarantine quarantine : Quarantine.values()) {
            view.put(quarantine, new LinkedHashMap<>());
            letGo.put(quarantine, 0L);
        }
        this.follower = new TopicFollower("quarantine", reader.consumerConfig(),
                topic -> quarantineOf(topic) != null, this::take, views.topicRefresh());
        FunctionCounter.builder("skylink.gateway.view.records.read", follower, TopicFollower::recordsRead)
                .description("Records the operator views read from Kafka (each once)").tag("view", "quarantine").register(meters);
    }

    /** Records read from Kafka since the gateway started: each quarantined record once, however often it is listed. */
    long recordsRead() {
        return follower.recordsRead();
    }

    @Override
    public void close() {
        follower.close();
    }

    private static Quarantine quarantineOf(String topic) {
        for (Quarantine quarantine : Quarantine.values()) {
            if (quarantine.holds(topic)) {
                return quarantine;
            }
        }
        return null;
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Quarantine quarantine = quarantineOf(record.topic());
        Found found = found(quarantine, record);
        synchronized (view) {
            LinkedHashMap<String, Found> records = view.get(quarantine);
            records.put(found.record().id(), found);
            if (records.size() > max) {
                records.pollFirstEntry();
                letGo.merge(quarantine, 1L, Long::sum);
            }
        }
    }

    /** How many of a kind the view let go (past its bound): a list then says it is not everything. */
    long letGo(Quarantine quarantine) {
        synchronized (view) {
            return letGo.get(quarantine);
        }
    }

    /** A quarantined record with its event (null when unreadable), as read in one pass over its topic. */
    record Found(QuarantinedRecord record, EntityChanged event) {
    }

    /** Newest first; {@code topic} narrows to one quarantine topic (or its source topic), {@code reason} to a substring. */
    Mono<List<QuarantinedRecord>> list(Quarantine quarantine, Optional<String> topic, Optional<String> reason) {
        return listFound(quarantine, topic, reason).map(found -> found.stream().map(Found::record).toList());
    }

    /** The same, with each record's event (for a redrive of many). */
    Mono<List<Found>> listFound(Quarantine quarantine, Optional<String> topic, Optional<String> reason) {
        return Mono.fromSupplier(() -> {
                    follower.catchUp(CATCH_UP);
                    synchronized (view) {
                        return view.get(quarantine).values().stream()
                                .filter(f -> topic.map(t -> t.equals(f.record().topic()) || (t + quarantine.suffix()).equals(f.record().topic()))
                                        .orElse(true))
                                .toList();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::withHandling)
                .map(all -> all.stream()
                        .filter(f -> reason.map(s -> f.record().reason() != null
                                && f.record().reason().toLowerCase().contains(s.toLowerCase())).orElse(true))
                        .sorted(Comparator.comparing((Found f) -> f.record().quarantinedAt()).reversed()
                                .thenComparing(f -> f.record().id()))
                        .toList());
    }

    Mono<Found> find(Quarantine quarantine, RecordId id) {
        if (!quarantine.holds(id.topic())) {
            return Mono.empty();
        }
        Mono<Found> found = Mono.fromCallable(() -> {
                    follower.catchUp(CATCH_UP);
                    synchronized (view) {
                        return Optional.ofNullable(view.get(quarantine).get(id.toString()));
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(held -> held.isPresent() ? Mono.just(held.get())
                        // let go of by the view (past its bound): read that one record
                        : Mono.justOrEmpty(reader.readOne(id.topic(), id.partition(), id.offset()).map(r -> found(quarantine, r))));
        return found.flatMap(f -> withHandling(List.of(f)).map(List::getFirst));
    }

    private Mono<List<Found>> withHandling(List<Found> records) {
        if (records.isEmpty()) {
            return Mono.just(records);
        }
        return db.sql("SELECT id, handled_at, note FROM quarantine_handling WHERE id = ANY(:ids)")
                .bind("ids", records.stream().map(f -> f.record().id()).toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class),
                        new QuarantinedRecord(null, null, null, null, null, null, null, null, null, null, null, null,
                                row.get("handled_at", OffsetDateTime.class).toInstant(), row.get("note", String.class))))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
                .map(handled -> records.stream()
                        .map(f -> {
                            QuarantinedRecord h = handled.get(f.record().id());
                            return h == null ? f : new Found(f.record().handled(h.handledAt(), h.handledNote()), f.event());
                        })
                        .toList());
    }

    private Found found(Quarantine quarantine, ConsumerRecord<String, byte[]> record) {
        EntityChanged event = null;
        try {
            if (record.value() != null && events.deserialize(record.topic(), record.value()) instanceof EntityChanged changed) {
                event = changed;
            }
        } catch (RuntimeException unreadable) {
            // an unreadable event was dead-lettered as raw bytes: shown with its headers only
        }
        String source = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return new Found(new QuarantinedRecord(new RecordId(record.topic(), record.partition(), record.offset()).toString(), record.topic(),
                source != null ? source : quarantine.sourceTopic(record.topic()), record.key(),
                event == null ? null : event.getEntityType().name(), event == null ? null : event.getEntityId(),
                event == null ? null : event.getOrigin().name(), event == null ? null : event.getChangeSetId(),
                event == null ? null : event.getTraceId(), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), Instant.ofEpochMilli(record.timestamp()), null, null), event);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
