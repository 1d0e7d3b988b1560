package com.skylinksync.sandbox.chaos.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Runs a child process's real main class ({@code args[0]}, the rest its arguments) for only as long as the harness
 * lives: when the harness's JVM ({@value #HARNESS_PID} system property) is gone — even SIGKILLed, when its close()
 * and shutdown hook never run — this process halts within a second, so no service or broker JVM outlives a run.
 */
public final class TetheredMain {

    static final String HARNESS_PID = "skylink.chaos.harness-pid";

    private TetheredMain() {
    }

    public static void main(String[] args) throws Throwable {
        long harness = Long.parseLong(System.getProperty(HARNESS_PID));
        Thread watch = Thread.ofPlatform().daemon().name("harness-watch").unstarted(() -> {
            while (ProcessHandle.of(harness).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(143);
        });
        watch.start();
        Class<?> main = Class.forName(args[0]);
        MethodHandles.publicLookup().findStatic(main, "main", MethodType.methodType(void.class, String[].class))
                .invoke((Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
