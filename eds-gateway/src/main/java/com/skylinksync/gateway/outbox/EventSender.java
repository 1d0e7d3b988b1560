package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.tracing.ChangeSetTraces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands outbox events to the idempotent {@code acks=all} producer, all at once so it batches them, and waits for
 * every acknowledgement. Each change set's events go out in one span ("outbox publish") that continues the span of
 * the request that registered it, with that context in every record's headers.
 */
@Component
class EventSender {

    /** Events of one change set to send together. */
    record Outgoing(String changeSetId, String traceParent, UUID traceId, List<OutboxEvents.Event> events) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final ChangeSetTraces traces;
    private final Counter publishedEvents;
    private final Counter failedEvents;

    EventSender(KafkaTemplate<String, byte[]> kafka, ChangeSetTraces traces, MeterRegistry meters) {
        this.kafka = kafka;
        this.traces = traces;
        this.publishedEvents = Counter.builder("skylink.gateway.outbox.published")
                .description("Events published from the outbox and acknowledged by Kafka").register(meters);
        this.failedEvents = Counter.builder("skylink.gateway.outbox.publish.failures")
                .description("Event publications that failed and were left in the outbox to retry").register(meters);
    }

    /** Completes once Kafka answered for every event: per {@code Outgoing}, per event, its failure or null. */
    Mono<List<List<Throwable>>> send(List<Outgoing> outgoing) {
        // send() may block for metadata (max.block.ms): keep it off the database driver's and the server's event loops.
        return Mono.fromCallable(() -> {
                    List<List<CompletableFuture<?>>> futures = new ArrayList<>(outgoing.size());
                    for (Outgoing group : outgoing) {
                        Span span = traces.continued("outbox publish", group.traceParent(), group.traceId())
                                .tag("skylink.change.set.id", group.changeSetId())
                                .tag("skylink.events", Integer.toString(group.events().size()));
                        List<CompletableFuture<?>> ofGroup = new ArrayList<>(group.events().size());
                        traces.within(span, () -> group.events().forEach(event -> ofGroup.add(send(event, span))));
                        futures.add(ofGroup);
                    }
                    return futures;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(futures -> Mono.fromFuture(CompletableFuture.allOf(futures.stream().flatMap(List::stream)
                                .toArray(CompletableFuture[]::new)).handle((done, failure) -> Boolean.TRUE))
                        .map(done -> futures.stream().map(ofGroup -> ofGroup.stream().map(EventSender::failure).toList()).toList()))
                .doOnNext(this::count);
    }

    private void count(List<List<Throwable>> failures) {
        long failed = failures.stream().flatMap(List::stream).filter(java.util.Objects::nonNull).count();
        long all = failures.stream().mapToLong(List::size).sum();
        publishedEvents.increment(all - failed);
        if (failed > 0) {
            failedEvents.increment(failed);
        }
    }

    private CompletableFuture<?> send(OutboxEvents.Event event, Span span) {
        try {
            var record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            traces.inject(span, record.headers());
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Called once every future is done. */
    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }
}
