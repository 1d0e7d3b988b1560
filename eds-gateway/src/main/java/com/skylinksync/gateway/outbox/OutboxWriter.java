package com.skylinksync.gateway.outbox;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox inside the caller's transaction: they exist exactly when what they announce does.
 * One call writes one row, whatever the number of events (a 1,000-entity change set is one insert, not 1,000).
 */
@Component
public class OutboxWriter {

    private final DatabaseClient db;

    OutboxWriter(DatabaseClient db) {
        this.db = db;
    }

    /** Appends the events of one change set for the relay; completes with the row's id, or empty when there are none. */
    public Mono<Long> append(List<OutboxMessage> messages) {
        return append(messages, null);
    }

    /**
     * Appends the events of one change set that the caller publishes itself ({@link ImmediatePublisher}): the relay
     * leaves the row alone for {@code lease} (null: not at all), after which it is the relay's, as after a crash.
     */
    public Mono<Long> append(List<OutboxMessage> messages, Duration lease) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        String changeSetId = messages.getFirst().changeSetId();
        if (messages.stream().anyMatch(message -> !message.changeSetId().equals(changeSetId))) {
            throw new IllegalArgumentException("One outbox row holds the events of one change set");
        }
        byte[] events = OutboxEvents.encode(messages.stream()
                .map(message -> new OutboxEvents.Event(message.topic(), message.key(), message.payload())).toList());
        return db.sql("""
                        INSERT INTO outbox (change_set_id, events, message_keys, event_count, created_at, claimed_until)
                        VALUES (:changeSet, :events, :keys, :count, :created,
                                CASE WHEN :leaseMillis > 0 THEN now() + make_interval(secs => :leaseMillis / 1000.0) END)
                        RETURNING id""")
                .bind("changeSet", changeSetId)
                .bind("events", events)
                .bind("keys", messages.stream().map(OutboxMessage::key).toArray(String[]::new))
                .bind("count", messages.size())
                .bind("created", messages.getFirst().createdAt().atOffset(ZoneOffset.UTC))
                .bind("leaseMillis", lease == null ? 0L : lease.toMillis())
                .map(row -> row.get("id", Long.class))
                .one();
    }
}
