package com.skylinksync.runtime.source;

import java.util.List;
import org.springframework.context.SmartLifecycle;

/** Starts and stops every source's poller with the application (none when the service has no change source). */
public final class ChangeSourcePollers implements SmartLifecycle {

    private final List<ChangeSourcePoller> pollers;

    ChangeSourcePollers(List<ChangeSourcePoller> pollers) {
        this.pollers = List.copyOf(pollers);
    }

    /** The pollers, for the test kit (a test polls now instead of waiting for the interval). */
    public List<ChangeSourcePoller> pollers() {
        return pollers;
    }

    @Override
    public void start() {
        pollers.forEach(ChangeSourcePoller::start);
    }

    @Override
    public void stop() {
        pollers.forEach(ChangeSourcePoller::stop);
    }

    @Override
    public boolean isRunning() {
        return pollers.stream().anyMatch(ChangeSourcePoller::isRunning);
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }
}
