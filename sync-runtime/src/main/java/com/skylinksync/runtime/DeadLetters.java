package com.skylinksync.runtime;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records the runtime gives up on to {@code <topic>.dlt} (permanent failures, retries exhausted, unreadable
 * records) or {@code <topic>.parked} (writes of unknown outcome), on the source partition, with spring-kafka's error
 * headers ({@code kafka_dlt-exception-message}, original topic, partition and offset...). Sends are awaited.
 */
final class DeadLetters {

    private final DeadLetterPublishingRecoverer deadLetters;
    private final DeadLetterPublishingRecoverer parked;

    DeadLetters(DeadLetterPublishingRecoverer deadLetters, DeadLetterPublishingRecoverer parked) {
        this.deadLetters = deadLetters;
        this.parked = parked;
    }

    void deadLetter(List<ConsumerRecord<String, Object>> records, Exception reason) {
        records.forEach(record -> deadLetters.accept(record, null, reason));
    }

    void park(List<ConsumerRecord<String, Object>> records, Exception reason) {
        records.forEach(record -> parked.accept(record, null, reason));
    }
}
