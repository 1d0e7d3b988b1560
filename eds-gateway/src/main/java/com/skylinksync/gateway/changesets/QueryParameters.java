package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Reads the status API's query parameters strictly: a value that is malformed, out of range or given twice is a 400
 * problem naming the parameter, never a guess and never a framework error page. Unknown parameters are ignored.
 */
final class QueryParameters {

    private static final int MAX_LENGTH = 64;

    private final MultiValueMap<String, String> values;

    QueryParameters(MultiValueMap<String, String> values) {
        this.values = values;
    }

    Optional<String> text(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw bad(name, name + " may be given once");
        }
        String value = given.getFirst();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_LENGTH) {
            throw bad(name, name + " is too long");
        }
        return Optional.of(value.strip());
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw bad(name, name + " must be an integer from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw bad(name, name + " must be an integer from " + min + " to " + max);
        }
        return parsed;
    }

    /** An ISO-8601 instant ({@code 2026-05-01T00:00:00Z}) or date-time with offset ({@code 2026-05-01T10:00:00+10:00}). */
    Optional<Instant> instant(String name) {
        return text(name).map(value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw bad(name, name + " must be an ISO-8601 date-time with offset, such as 2026-05-01T00:00:00Z");
            }
        });
    }

    Optional<String> oneOf(String name, Set<String> allowed) {
        return text(name).map(value -> {
            String upper = value.toUpperCase(Locale.ROOT);
            if (!allowed.contains(upper)) {
                throw bad(name, name + " must be one of " + allowed.stream().sorted().toList());
            }
            return upper;
        });
    }

    static ProblemException bad(String name, String detail) {
        return new ProblemException(Problem.badParameter(name, detail));
    }
}
