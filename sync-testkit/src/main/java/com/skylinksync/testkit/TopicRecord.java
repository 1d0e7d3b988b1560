package com.skylinksync.testkit;

import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.avro.EntityChanged;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One record as it sits in a topic — a dead letter or a parked write, say — with its headers (spring-kafka's
 * {@code kafka_dlt-*} ones: {@code KafkaHeaders.DLT_EXCEPTION_MESSAGE}, {@code DLT_ORIGINAL_OFFSET}...).
 *
 * @param value   the value's bytes (an unreadable record's are whatever was sent)
 * @param headers in the order they were added
 */
public record TopicRecord(String topic, int partition, long offset, String key, byte[] value, List<Header> headers) {

    /** One header; Kafka allows a name more than once. */
    public record Header(String name, byte[] value) {
    }

    public TopicRecord {
        headers = List.copyOf(headers);
    }

    /** The value read as an event; throws if it is not one. */
    public EntityChanged event() {
        try (var deserializer = new AvroEventDeserializer()) {
            return (EntityChanged) deserializer.deserialize(topic, value);
        }
    }

    /** The last header of that name as UTF-8 text, or null. */
    public String header(String name) {
        byte[] bytes = headerBytes(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The last header of that name read as a big-endian long (spring-kafka writes original offsets so), or null. */
    public Long headerLong(String name) {
        byte[] bytes = headerBytes(name);
        return bytes == null ? null : ByteBuffer.wrap(bytes).getLong();
    }

    /** The last header of that name read as a big-endian int (original partitions), or null. */
    public Integer headerInt(String name) {
        byte[] bytes = headerBytes(name);
        return bytes == null ? null : ByteBuffer.wrap(bytes).getInt();
    }

    public byte[] headerBytes(String name) {
        byte[] found = null;
        for (Header header : headers) {
            if (header.name().equals(name)) {
                found = header.value();
            }
        }
        return found;
    }
}
