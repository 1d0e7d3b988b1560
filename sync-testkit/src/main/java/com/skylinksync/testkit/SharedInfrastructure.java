package com.skylinksync.testkit;

import com.skylinksync.sandbox.infra.KafkaBroker;
import com.skylinksync.sandbox.infra.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension giving every test class of a test run one embedded broker and one PostgreSQL, started when the
 * first class asks and stopped when the run ends: they take seconds to start, and harnesses built on them
 * ({@link SyncServiceHarness.Builder#on}) stay apart — each has its own schema and consumer group; tests keep apart
 * by topic and entity ids. Use {@code @ExtendWith(SharedInfrastructure.class)} and take an
 * {@link SharedInfrastructure.Parts} parameter in a {@code @BeforeAll} (or test) method.
 */
public final class SharedInfrastructure implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedInfrastructure.class);

    /** The shared broker and database. Closed by JUnit with the run (the store closes what it holds). */
    public record Parts(KafkaBroker kafka, PostgresServer postgres) implements AutoCloseable {

        static Parts start() {
            KafkaBroker kafka = KafkaBroker.start(SyncServiceHarness.PARTITIONS);
            try {
                return new Parts(kafka, PostgresServer.start(0, null));
            } catch (RuntimeException failure) {
                kafka.close();
                throw failure;
            }
        }

        @Override
        public void close() {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Parts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Parts.class, type -> Parts.start(), Parts.class);
    }
}
