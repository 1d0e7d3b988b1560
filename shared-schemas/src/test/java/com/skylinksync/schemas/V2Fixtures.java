package com.skylinksync.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Writes the committed v2 fixtures ({@code src/test/resources/fixtures/*-v2.bin}) with the released v2 schemas
 * themselves, not the generated classes, so the bytes stay v2 whatever the current schema becomes. Run once when the
 * version is released: {@code java -cp <test classpath> com.skylinksync.schemas.V2Fixtures src/test/resources/fixtures}.
 */
final class V2Fixtures {

    static final Instant OBSERVED_AT = Instant.parse("2026-11-23T04:05:06.789Z");
    static final Instant FINISHED_AT = Instant.parse("2026-11-23T04:05:07.123Z");
    static final String ORDER_SNAPSHOT = "{\"entity_id\":1001,\"increment_id\":\"000001001\",\"status\":\"pending\"}";

    private V2Fixtures() {
    }

    /** A change observed in Magento: no RE client or channel, with the version and snapshot the change source read. */
    static byte[] entityChanged() {
        Schema schema = released("EntityChanged-v2.avsc");
        GenericRecord event = new GenericData.Record(schema);
        event.put("changeSetId", null);
        event.put("origin", symbol(schema, "origin", "SINGLE"));
        event.put("clientId", null);
        event.put("salesChannelId", null);
        event.put("entityType", symbol(schema, "entityType", "MAGENTO_ORDER"));
        event.put("entityId", "1001");
        event.put("attributeCode", null);
        event.put("observedAt", OBSERVED_AT.toEpochMilli());
        event.put("traceId", "trace-v2-fixture");
        event.put("version", "2026-11-23 04:05:06");
        event.put("snapshot", ORDER_SNAPSHOT);
        return encode(schema, event);
    }

    /** A parked write of one attribute option of an EDS change set. */
    static byte[] entitySynced() {
        Schema schema = released("EntitySynced-v2.avsc");
        GenericRecord event = new GenericData.Record(schema);
        event.put("changeSetId", "5c0e2f4a-1b7d-4e8a-9f3c-6d2b1a0e9f77");
        event.put("origin", symbol(schema, "origin", "EDS"));
        event.put("clientId", "6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d");
        event.put("salesChannelId", 1);
        event.put("entityType", symbol(schema, "entityType", "ATTRIBUTE_OPTION"));
        event.put("entityId", "7");
        event.put("attributeCode", "colour");
        event.put("outcome", symbol(schema, "outcome", "PARKED"));
        event.put("targetId", "55");
        event.put("attempts", 1);
        event.put("errorCode", "UNCERTAIN_WRITE");
        event.put("errorMessage", "Timed out after sending");
        event.put("service", "catalog-sync-service");
        event.put("finishedAt", FINISHED_AT.toEpochMilli());
        event.put("traceId", "trace-v2-fixture");
        return encode(schema, event);
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures");
        Files.write(directory.resolve("EntityChanged-v2.bin"), entityChanged());
        Files.write(directory.resolve("EntitySynced-v2.bin"), entitySynced());
    }

    private static GenericData.EnumSymbol symbol(Schema record, String field, String symbol) {
        return new GenericData.EnumSymbol(record.getField(field).schema(), symbol);
    }

    private static byte[] encode(Schema schema, GenericRecord event) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema released(String file) {
        try (InputStream in = V2Fixtures.class.getResourceAsStream("/com/skylinksync/schemas/released/" + file)) {
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
