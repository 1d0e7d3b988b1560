package com.skylinksync.sandbox.chaos.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each service process's heap while the cluster is under load, sampled from its metrics ({@code /actuator/prometheus}
 * with the operator credential): heap used (every heap pool), and the live data after the last collection
 * ({@code jvm_gc_live_data_size_bytes}), keeping each process's highest. Surviving the run at {@code -Xmx256m}, with
 * no OutOfMemoryError in its logs, is the goal's proof; the figures say how close it came.
 */
final class Footprint implements AutoCloseable {

    static final long LIMIT_BYTES = 256L * 1024 * 1024;
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final ChaosCluster cluster;
    private final String operatorToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Heap> highest = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** A process's highest figures so far, in bytes. */
    record Heap(long used, long liveAfterGc) {
        Heap max(Heap other) {
            return new Heap(Math.max(used, other.used), Math.max(liveAfterGc, other.liveAfterGc));
        }
    }

    /** Starts sampling every process every five seconds until closed. */
    Footprint(ChaosCluster cluster, String operatorToken) {
        this.cluster = cluster;
        this.operatorToken = operatorToken;
        this.sampler = Thread.ofPlatform().daemon().name("footprint-sampler").start(() -> {
            while (running) {
                sampleOnce();
                try {
                    Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void sampleOnce() {
        for (String name : cluster.processNames()) {
            try {
                read(cluster.uri(name)).ifPresent(heap -> highest.merge(name, heap, Heap::max));
            } catch (IOException e) {
                // Being killed or restarted right now: the next sample reads it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One {@code BENCH|footprint|...} row per service kind (the highest of its replicas). */
    List<String> rows() {
        sampleOnce();
        List<String> rows = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            Heap heap = new Heap(0, 0);
            boolean outOfMemory = false;
            for (String name : cluster.processNames()) {
                if (name.startsWith(kind.deployment() + "-")) {
                    heap = heap.max(highest.getOrDefault(name, new Heap(0, 0)));
                    outOfMemory |= mentionsOutOfMemory(cluster.logFile(name));
                }
            }
            boolean met = heap.used() > 0 && heap.used() <= LIMIT_BYTES && !outOfMemory;
            String measured = heap.used() == 0 ? "not read"
                    : megabytes(heap.used()) + " used, " + megabytes(heap.liveAfterGc()) + " live after GC"
                    + (outOfMemory ? ", OutOfMemoryError logged" : "");
            rows.add("BENCH|footprint|heap under load, " + kind.deployment() + "|≤ 256 MB|" + measured + "|-|-|" + (met ? "yes" : "no"));
        }
        return rows;
    }

    private java.util.Optional<Heap> read(URI service) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(service.resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + operatorToken).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return java.util.Optional.empty();
        }
        long used = 0;
        long live = 0;
        for (String line : response.body().lines().toList()) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                live = Math.max(live, value(line));
            }
        }
        return used == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Heap(used, live));
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static boolean mentionsOutOfMemory(Path log) {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String megabytes(long bytes) {
        return (bytes + 512 * 1024) / (1024 * 1024) + " MB";
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
