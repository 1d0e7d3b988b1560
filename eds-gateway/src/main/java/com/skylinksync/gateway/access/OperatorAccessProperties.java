package com.skylinksync.gateway.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the operator API and the console. A credential is presented as {@code Authorization: Bearer <token>}.
 * Tokens are secrets: supply them from the environment ({@code SKYLINK_OPERATOR_TOKENS}, {@code SKYLINK_READ_ONLY_TOKENS},
 * comma-separated), never from a committed file; they are never logged. With no token configured every operator route
 * is refused (the gateway still takes EDS notifications).
 *
 * @param operatorTokens tokens of the operator role: everything a read-only token may, plus the actions that change
 *                       something (bulk runs, redrive, parked resolution, replay, pause)
 * @param readOnlyTokens tokens of the read-only role: every GET of the operator API and the console's data
 */
@ConfigurationProperties("skylink.gateway.operator-access")
public record OperatorAccessProperties(List<String> operatorTokens, List<String> readOnlyTokens) {

    public OperatorAccessProperties {
        operatorTokens = nonBlank(operatorTokens);
        readOnlyTokens = nonBlank(readOnlyTokens);
    }

    private static List<String> nonBlank(List<String> tokens) {
        return tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** Tokens are secrets: keep them out of logs, actuator output and exception messages. */
    @Override
    public String toString() {
        return "OperatorAccessProperties[" + operatorTokens.size() + " operator token(s), " + readOnlyTokens.size()
                + " read-only token(s)]";
    }
}
