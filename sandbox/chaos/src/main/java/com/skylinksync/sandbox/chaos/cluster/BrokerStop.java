package com.skylinksync.sandbox.chaos.cluster;

/** How the broker is stopped before it is started again on the same port and log directory. */
public enum BrokerStop {
    /** SIGTERM: a controlled shutdown, as a Kubernetes rolling restart (or Strimzi's) stops a broker pod. */
    GRACEFUL,
    /** SIGKILL: a crash; the broker recovers its logs (unflushed data survives in the page cache) on start. */
    CRASH
}
