package com.skylinksync.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any SkyLink event as Avro single-object encoding: marker, 8-byte schema fingerprint, body. */
public final class AvroEventSerializer implements Serializer<SpecificRecord> {

    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(event.getSchema(),
                schema -> new BinaryMessageEncoder<>(((SpecificRecordBase) event).getSpecificData(), schema));
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
