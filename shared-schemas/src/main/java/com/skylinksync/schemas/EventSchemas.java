package com.skylinksync.schemas;

import com.skylinksync.schemas.avro.BudgetReport;
import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntitySynced;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every released version of every event schema, found by fingerprint: what lets events written by older code
 * be read by newer code without a schema-registry server. A schema change adds a new released file
 * ({@code released/<Name>-v<N>.avsc}, listed in {@code released/index.txt}); released files never change.
 */
public final class EventSchemas implements SchemaStore {

    /** The event types this build reads and writes, in their current shape. */
    static final List<Class<? extends SpecificRecord>> CURRENT = List.of(EntityChanged.class, EntitySynced.class,
            BudgetReport.class);

    private static final String RELEASED = "/com/skylinksync/schemas/released/";

    private final Map<Long, Schema> byFingerprint = new HashMap<>();
    private final Map<String, Schema> latestReleased = new HashMap<>();

    public EventSchemas() {
        for (String file : releasedFiles()) {
            Schema schema = parse(file);
            byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            latestReleased.put(schema.getFullName(), schema); // index.txt lists versions oldest first
        }
        for (Class<? extends SpecificRecord> type : CURRENT) {
            Schema schema = schemaOf(type);
            byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
        }
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** The newest released version of an event, by full name; null if it was never released. */
    Schema latestReleased(String fullName) {
        return latestReleased.get(fullName);
    }

    static Schema schemaOf(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Not a generated Avro record: " + type, e);
        }
    }

    private static List<String> releasedFiles() {
        return read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Schema parse(String file) {
        return new Schema.Parser().parse(read(file));
    }

    private static String read(String file) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(RELEASED + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing released schema resource " + RELEASED + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
