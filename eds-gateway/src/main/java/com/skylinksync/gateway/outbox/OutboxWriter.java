package com.skylinksync.gateway.outbox;

import io.r2dbc.spi.Statement;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Appends events to the outbox inside the caller's transaction: they exist exactly when what they announce does. */
@Component
public class OutboxWriter {

    private final DatabaseClient db;

    OutboxWriter(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnectionMany(connection -> {
            Statement statement = connection.createStatement(
                    "INSERT INTO outbox (change_set_id, topic, message_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)");
            boolean first = true;
            for (OutboxMessage message : messages) {
                if (!first) {
                    statement.add();
                }
                first = false;
                statement.bind(0, message.changeSetId())
                        .bind(1, message.topic())
                        .bind(2, message.key())
                        .bind(3, message.payload())
                        .bind(4, message.createdAt().atOffset(ZoneOffset.UTC));
            }
            return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated());
        }).then();
    }
}
