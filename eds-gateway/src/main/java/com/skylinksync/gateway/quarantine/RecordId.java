package com.skylinksync.gateway.quarantine;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;

/** A quarantined record's id as operators pass it around: {@code topic:partition:offset}. */
record RecordId(String topic, int partition, long offset) {

    static RecordId parse(String id) {
        String[] parts = id.split(":");
        try {
            if (parts.length == 3 && !parts[0].isBlank() && parts[0].length() <= 249) {
                return new RecordId(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.of("invalid-record-id", "Bad Request", 400,
                "A dead letter or parked record is named topic:partition:offset, e.g. skylink.re.customers.dlt:0:12"));
    }

    @Override
    public String toString() {
        return topic + ":" + partition + ":" + offset;
    }
}
