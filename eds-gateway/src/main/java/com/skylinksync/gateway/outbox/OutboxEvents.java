package com.skylinksync.gateway.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one outbox row, framed in one byte array: a format byte, the count, then per event its topic, key
 * (modified UTF-8, as {@link DataOutputStream#writeUTF}) and payload (length-prefixed). Only the gateway reads it.
 */
final class OutboxEvents {

    private static final byte FORMAT = 1;

    private OutboxEvents() {
    }

    /** One event as framed: where it goes, its key, its bytes. */
    record Event(String topic, String key, byte[] payload) {
    }

    static byte[] encode(List<Event> events) {
        int size = 5;
        for (Event event : events) {
            size += 8 + event.topic().length() + event.key().length() + event.payload().length;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(events.size());
            for (Event event : events) {
                out.writeUTF(event.topic());
                out.writeUTF(event.key());
                out.writeInt(event.payload().length);
                out.write(event.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Event> decode(byte[] framed) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(framed))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown outbox events format " + format);
            }
            int count = in.readInt();
            List<Event> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String topic = in.readUTF();
                String key = in.readUTF();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                events.add(new Event(topic, key, payload));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
