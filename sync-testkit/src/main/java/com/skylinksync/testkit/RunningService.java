package com.skylinksync.testkit;

import com.skylinksync.runtime.source.ChangeSourcePoller;
import com.skylinksync.runtime.source.ChangeSourcePollers;
import com.skylinksync.runtime.status.EntityStatus;
import com.skylinksync.runtime.status.SyncStatus;
import com.skylinksync.schemas.avro.EntityType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/** One instance of a service started by a {@link SyncServiceHarness}: a pod, as far as the test is concerned. */
public final class RunningService implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final ConfigurableApplicationContext context;
    private final DatabaseLogin login;
    private final WebClient http;

    RunningService(String name, ConfigurableApplicationContext context, DatabaseLogin login) {
        this.name = name;
        this.context = context;
        this.login = login;
        this.http = WebClient.builder().baseUrl(baseUrl().toString())
                .defaultHeader("Authorization", "Bearer " + SyncServiceHarness.OPERATOR_TOKEN).build();
    }

    /** {@code pod1}, {@code pod2}...: in the order the harness started them. */
    public String name() {
        return name;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Where its web server listens (the entity status API, actuator). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** {@code GET /entities/{type}/{id}}: the entity's status as operators see it ({@code NEVER_SYNCED} if unknown). */
    public EntityStatus status(EntityType type, String entityId) {
        return http.get().uri("/entities/{type}/{id}", type.name().toLowerCase(Locale.ROOT).replace('_', '-'), entityId)
                .retrieve().bodyToMono(EntityStatus.class).block(REQUEST_TIMEOUT);
    }

    /** The entity's status once it is one of {@code wanted}, waiting up to {@link SyncServiceHarness#DEADLINE}. */
    public EntityStatus awaitStatus(EntityType type, String entityId, SyncStatus... wanted) {
        List<SyncStatus> acceptable = List.of(wanted);
        return Awaitility.await().atMost(SyncServiceHarness.DEADLINE)
                .until(() -> status(type, entityId), status -> acceptable.contains(status.status()));
    }

    /** Polls every change source of the instance now, as its timer would (a no-op where this pod lacks the lease). */
    public void pollChangeSources() {
        context.getBeanProvider(ChangeSourcePollers.class)
                .ifAvailable(sources -> sources.pollers().forEach(ChangeSourcePoller::pollOnce));
    }

    public boolean isRunning() {
        return context.isActive();
    }

    /** A graceful stop, as Kubernetes asks for one: running syncs get their grace, change-source leases are given up. */
    public void stop() {
        context.close();
    }

    /**
     * Ends the instance as a dead pod ends. Its database login is cut first, so from that instant nothing it does
     * there takes effect: running syncs cannot record their outcome (so their offsets are not committed and another
     * pod syncs them again), change-source cursors stay where they are, and leases cannot be given up (they run
     * out). Then its context is closed. What this cannot take away is Kafka: its consumer still leaves the group at
     * once (a dead pod's would time out) and commits what it had finished — that re-delivers less, never loses any.
     */
    public void kill() {
        login.cut();
        context.close();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
