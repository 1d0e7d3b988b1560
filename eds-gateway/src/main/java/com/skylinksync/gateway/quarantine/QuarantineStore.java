package com.skylinksync.gateway.quarantine;

import com.skylinksync.gateway.kafka.TopicReader;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.avro.EntityChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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

/** Dead letters and parked writes as read from their topics, with what operators did with each (the database). */
@Component
class QuarantineStore {

    private final TopicReader reader;
    private final DatabaseClient db;
    private final AvroEventDeserializer events = new AvroEventDeserializer();

    QuarantineStore(TopicReader reader, DatabaseClient db) {
        this.reader = reader;
        this.db = db;
    }

    /** A quarantined record with its event (null when unreadable), as read in one pass over its topic. */
    record Found(QuarantinedRecord record, EntityChanged event) {
    }

    /** Newest first; {@code topic} narrows to one quarantine topic (or its source topic), {@code reason} to a substring. */
    Mono<List<QuarantinedRecord>> list(Quarantine quarantine, Optional<String> topic, Optional<String> reason) {
        return listFound(quarantine, topic, reason).map(found -> found.stream().map(Found::record).toList());
    }

    /** The same, with each record's event, so a redrive of many reads their topics once. */
    Mono<List<Found>> listFound(Quarantine quarantine, Optional<String> topic, Optional<String> reason) {
        return Mono.fromCallable(() -> {
                    List<Found> found = new ArrayList<>();
                    for (String name : reader.topics()) {
                        if (quarantine.holds(name) && topic.map(t -> t.equals(name) || (t + quarantine.suffix()).equals(name)).orElse(true)) {
                            reader.readAll(name).forEach(record -> found.add(found(quarantine, record)));
                        }
                    }
                    return found;
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
        return Mono.fromCallable(() -> reader.readAll(id.topic()).stream()
                        .filter(r -> r.partition() == id.partition() && r.offset() == id.offset())
                        .findFirst().map(r -> found(quarantine, r)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .flatMap(found -> withHandling(List.of(found)).map(List::getFirst));
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
