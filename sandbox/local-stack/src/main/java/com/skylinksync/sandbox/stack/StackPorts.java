package com.skylinksync.sandbox.stack;

/**
 * Ports of the local stack (Kafka's is chosen by the embedded broker and printed at start). The defaults are fixed so the README's curl commands work; 0 picks a free port (tests).
 * Each can be overridden with a system property or environment variable, e.g. {@code -Dskylink.port.gateway=9080}
 * or {@code SKYLINK_PORT_GATEWAY=9080}.
 */
public record StackPorts(int gateway, int magento, int retailExpress, int postgres, int customerSync,
                         int catalogSync, int fulfillmentSync) {

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 15432, 8090, 8091, 8092);
    }

    public static StackPorts anyFree() {
        return new StackPorts(0, 0, 0, 0, 0, 0, 0);
    }

    /** The defaults, overridden by {@code skylink.port.*} system properties or {@code SKYLINK_PORT_*} variables. */
    public static StackPorts fromEnvironment() {
        StackPorts d = defaults();
        return new StackPorts(port("gateway", d.gateway()), port("magento", d.magento()),
                port("retail-express", d.retailExpress()), port("postgres", d.postgres()),
                port("customer-sync", d.customerSync()), port("catalog-sync", d.catalogSync()),
                port("fulfillment-sync", d.fulfillmentSync()));
    }

    private static int port(String name, int fallback) {
        String value = System.getProperty("skylink.port." + name,
                System.getenv("SKYLINK_PORT_" + name.toUpperCase().replace('-', '_')));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
