package com.skylinksync.sandbox.chaos.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service replica as its own JVM, like a pod: started with its settings on a fixed port, ready when its
 * readiness probe says so, killed with SIGKILL and started again the same way. Its output goes to its log file,
 * appended across restarts.
 */
final class ServiceProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final ServiceKind kind;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path log;
    private final ChildJvm jvm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private volatile Process process;

    ServiceProcess(String name, ServiceKind kind, int port, List<String> jvmOptions, Map<String, Object> settings,
                   Path log, ChildJvm jvm) {
        this.name = name;
        this.kind = kind;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        this.args = List.copyOf(arguments);
        this.log = log;
        this.jvm = jvm;
    }

    String name() {
        return name;
    }

    ServiceKind kind() {
        return kind;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the running process has used so far. */
    Duration cpu() {
        Process current = process;
        return current == null ? Duration.ZERO : current.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    synchronized void start() {
        try {
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + " on port " + port + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = jvm.launch(jvmOptions, kind.mainClass(), args, log).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until the readiness probe answers UP; fails at once if the process dies meanwhile. */
    void awaitReady(Duration deadline) {
        Instant until = Instant.now().plus(deadline);
        HttpRequest probe = HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness")).timeout(PROBE_TIMEOUT).GET().build();
        while (true) {
            Process current = process;
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with " + current.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + name, e);
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(name + " not ready within " + deadline + "; see " + log);
            }
            pause(Duration.ofMillis(250));
        }
    }

    /**
     * SIGKILL, as Kubernetes kills a pod that does not stop or the kernel's OOM killer does: no shutdown hook, no
     * graceful stop, nothing committed that was not already. {@link Process#destroyForcibly()} is SIGKILL on Linux
     * (the JDK's ProcessHandleImpl sends SIGKILL when forced, SIGTERM otherwise); the exit code 137 proves it.
     *
     * @return the exit code (128 + 9)
     */
    synchronized int kill() {
        Process current = process;
        current.destroyForcibly();
        return waitFor(current, Duration.ofSeconds(30));
    }

    /** SIGTERM and a graceful stop, then SIGKILL if it takes longer than {@code grace}. */
    synchronized void stop(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly();
                waitFor(current, Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** For a shutdown hook: SIGKILL without waiting. */
    void destroyNow() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    private static int waitFor(Process process, Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Process " + process.pid() + " still alive after SIGKILL");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
