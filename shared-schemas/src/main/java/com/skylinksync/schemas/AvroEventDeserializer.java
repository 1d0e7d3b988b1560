package com.skylinksync.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any SkyLink event written by {@link AvroEventSerializer}, by any released version of its schema,
 * into the current generated class. The writer schema is found by the fingerprint in the message header.
 */
public final class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private static final int HEADER_LENGTH = 10; // 2-byte marker C3 01 + 8-byte little-endian fingerprint

    private final EventSchemas schemas;
    private final Map<String, BinaryMessageDecoder<SpecificRecord>> decodersByName = new HashMap<>();

    public AvroEventDeserializer() {
        this(new EventSchemas());
    }

    public AvroEventDeserializer(EventSchemas schemas) {
        this.schemas = schemas;
        SpecificData model = new TrustedSpecificData(getClass().getClassLoader());
        for (var type : EventSchemas.CURRENT) {
            Schema current = EventSchemas.schemaOf(type);
            decodersByName.put(current.getFullName(), new BinaryMessageDecoder<>(model, current, schemas));
        }
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
            throw new SerializationException("Not an Avro single-object encoded event on " + topic
                    + " (" + data.length + " bytes, missing the C3 01 marker)");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = schemas.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new SerializationException("Event on " + topic + " was written with an unknown schema (fingerprint "
                    + Long.toHexString(fingerprint) + "); is this consumer older than its producer?");
        }
        BinaryMessageDecoder<SpecificRecord> decoder = decodersByName.get(writer.getFullName());
        if (decoder == null) {
            throw new SerializationException("No reader for event type " + writer.getFullName() + " on " + topic);
        }
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Unreadable " + writer.getName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * Avro 1.12 refuses to instantiate classes outside a trusted-package list held in global state
     * ({@code org.apache.avro.SERIALIZABLE_PACKAGES}). Our own generated package is trusted here, per decoder,
     * so no JVM flag or process-wide setting is needed and nothing else is trusted.
     */
    private static final class TrustedSpecificData extends SpecificData {
        private static final String TRUSTED_PACKAGE = "com.skylinksync.schemas.avro.";

        TrustedSpecificData(ClassLoader loader) {
            super(loader);
        }

        @Override
        public Class getClass(Schema schema) {
            if ((schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM)
                    && schema.getFullName().startsWith(TRUSTED_PACKAGE)) {
                try {
                    return Class.forName(schema.getFullName(), true, getClassLoader());
                } catch (ClassNotFoundException e) {
                    return null;
                }
            }
            return super.getClass(schema);
        }
    }
}
