package com.skylinksync.runtime.source;

import com.skylinksync.connector.ChangeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/** A poller for every {@link ChangeSource} bean; imported by the runtime's auto-configuration. */
@Configuration(proxyBeanMethods = false)
public class SourceConfiguration {

    @Bean
    SourceCursors sourceCursors(DatabaseClient database) {
        return new SourceCursors(database);
    }

    @Bean
    ChangeSourcePollers changeSourcePollers(List<ChangeSource> sources, SourceCursors cursors,
                                            KafkaTemplate<String, SpecificRecord> kafka, ObjectProvider<MeterRegistry> registry,
                                            ObjectProvider<Tracer> tracer) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        Tracer traces = tracer.getIfAvailable(() -> Tracer.NOOP);
        return new ChangeSourcePollers(sources.stream()
                .map(source -> new ChangeSourcePoller(source, cursors, kafka, meters, traces, Clock.systemUTC())).toList());
    }
}
