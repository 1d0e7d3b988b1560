package com.skylinksync.gateway.signal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A "look now" signal for a polling loop (the outbox relay, the bulk expander). Loops also poll on a timer, so a
 * wake-up is a hint: when another thread is emitting at the same instant, that emission wakes the loop too, and this
 * one is dropped instead of spinning. (Spinning with {@code busyLooping} threw {@code EmissionException} to the EDS
 * caller as a 500 when the emitting thread was descheduled for longer than the spin.)
 */
public final class WakeUps {

    private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();

    /** Asks the loop to look now; never blocks and never fails. */
    public void wake() {
        sink.tryEmitNext(Boolean.TRUE);
    }

    /** The wake-ups, for the loop to merge with its timer; subscribe downstream of {@code onBackpressureLatest}. */
    public Flux<Boolean> asFlux() {
        return sink.asFlux();
    }
}
