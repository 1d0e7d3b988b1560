package com.skylinksync.schemas;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The trace id events carry ({@code EntityChanged.traceId}, {@code EntitySynced.traceId}) is the W3C trace id of the
 * change set's trace: 32 lower-case hex digits, exactly what logs ({@code traceId}) and trace backends show. The
 * gateway stores it as a UUID (the same 128 bits); older events carry that UUID form, which reads as the same id.
 */
public final class TraceIds {

    private static final Pattern W3C = Pattern.compile("[0-9a-f]{32}");
    private static final String INVALID = "00000000000000000000000000000000";

    private TraceIds() {
    }

    /** The W3C form of a trace id given in W3C or UUID form; null when it is neither (or all zeros, which W3C forbids). */
    public static String w3c(String traceId) {
        if (traceId == null) {
            return null;
        }
        String hex = traceId.replace("-", "").toLowerCase(Locale.ROOT);
        return W3C.matcher(hex).matches() && !hex.equals(INVALID) ? hex : null;
    }

    /** The W3C form of a trace id stored as a UUID. */
    public static String w3c(UUID traceId) {
        return traceId.toString().replace("-", "");
    }

    /** The UUID holding the same 128 bits as a W3C trace id (how the gateway stores it). */
    public static UUID uuid(String w3cTraceId) {
        String hex = w3c(w3cTraceId);
        if (hex == null) {
            throw new IllegalArgumentException("Not a W3C trace id: " + w3cTraceId);
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
