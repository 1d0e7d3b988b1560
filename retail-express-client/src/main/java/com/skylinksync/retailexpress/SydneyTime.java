package com.skylinksync.retailexpress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * RE's dates: Australia/Sydney wall-clock time without an offset. Written as {@code yyyy-MM-dd'T'HH:mm:ss.SSS};
 * read leniently (the SDK says the format is "usually, but not always" that one): with or without fraction, a space
 * instead of the T, a bare date, or an explicit offset when RE happens to send one.
 */
final class SydneyTime {

    static final ZoneId ZONE = ZoneId.of("Australia/Sydney");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private SydneyTime() {
    }

    static String format(Instant instant) {
        return WRITTEN.format(instant.atZone(ZONE).toLocalDateTime());
    }

    /** Null for an empty value. */
    static Instant parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        String normalised = value.replace(' ', 'T');
        try {
            return LocalDateTime.parse(normalised).atZone(ZONE).toInstant();
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(normalised).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(normalised).atStartOfDay(ZONE).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new RecordFormatException("Not a date: '" + value + "'");
                }
            }
        }
    }
}
