package com.skylinksync.gateway.tracing;

import com.skylinksync.schemas.TraceIds;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A change set's trace in the gateway: it is the trace of the EDS request that registered it (its id is the change
 * set's trace id, stored with it and carried by its events); the outbox relay publishes the events in a span that
 * continues the request's span ({@link #continued}), with the trace context in each record's headers ({@link #inject}).
 * Without a tracer (or outside a traced request) a change set gets a trace id of its own, as before.
 */
@Component
public class ChangeSetTraces {

    /** The trace a change set is registered in: its id, and the W3C {@code traceparent} of the registering span. */
    public record Trace(UUID traceId, String traceParent) {
    }

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    ChangeSetTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** The trace of the request (or whatever observation) the subscriber runs in; a new trace id when there is none. */
    public Mono<Trace> current() {
        return Mono.deferContextual(context -> {
            Span span = null;
            Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            if (observation != null) {
                TracingObservationHandler.TracingContext tracing =
                        observation.getContextView().get(TracingObservationHandler.TracingContext.class);
                span = tracing == null ? null : tracing.getSpan();
            }
            if (span == null) {
                span = tracer.currentSpan();
            }
            String traceId = span == null ? null : TraceIds.w3c(span.context().traceId());
            if (traceId == null) {
                return Mono.just(new Trace(UUID.randomUUID(), null));
            }
            return Mono.just(new Trace(TraceIds.uuid(traceId), traceParent(span.context())));
        });
    }

    /**
     * A new span (not yet in scope) that continues {@code traceParent}; when there is none, one that continues the
     * bare trace id (a stand-in parent span id) so the work still shows in the change set's trace; else a new trace.
     */
    public Span continued(String name, String traceParent, UUID traceId) {
        String parent = traceParent != null ? traceParent : traceId == null ? null
                : "00-" + TraceIds.w3c(traceId) + "-" + String.format("%016x", ThreadLocalRandom.current().nextLong() | 1L) + "-01";
        Span.Builder builder = parent == null ? tracer.spanBuilder()
                : propagator.extract(parent, (carrier, key) -> TRACEPARENT.equals(key) ? carrier : null);
        return builder.name(name).start();
    }

    /** Puts {@code span}'s context into record headers (W3C {@code traceparent}), for the consumer to continue it. */
    public void inject(Span span, Headers headers) {
        propagator.inject(span.context(), headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Runs {@code work} with {@code span} current (so observations and log lines meanwhile are in it), then ends it. */
    public void within(Span span, Runnable work) {
        try (Tracer.SpanInScope inScope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    /** The current span, to continue in work that runs later on another thread; null when there is none. */
    public Span currentSpan() {
        return tracer.currentSpan();
    }

    /** A child of {@code parent} (or a new trace's first span when there is none), not started. */
    public Span child(String name, Span parent) {
        return (parent == null ? tracer.nextSpan() : tracer.nextSpan(parent)).name(name).start();
    }

    private static String traceParent(TraceContext context) {
        Boolean sampled = context.sampled();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(sampled) ? "01" : "00");
    }
}
