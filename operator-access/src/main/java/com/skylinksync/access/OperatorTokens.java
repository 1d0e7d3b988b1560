package com.skylinksync.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use a sync service's operator routes (its entity status, inline sync): the same credentials as the
 * gateway's operator API, from {@code SKYLINK_OPERATOR_TOKENS} and {@code SKYLINK_READ_ONLY_TOKENS} (comma-separated,
 * see the runtime's {@code sync-service-defaults.yml}). With none configured every operator route is refused; the
 * health probes and the metrics stay open. Tokens are secrets and never logged.
 *
 * @param operatorTokens tokens of the operator role (reads and actions: an inline sync)
 * @param readOnlyTokens tokens of the read-only role (reads: entity status)
 */
@ConfigurationProperties("skylink.operator-access")
public record OperatorTokens(List<String> operatorTokens, List<String> readOnlyTokens) {

    public OperatorTokens {
        operatorTokens = nonBlank(operatorTokens);
        readOnlyTokens = nonBlank(readOnlyTokens);
    }

    private static List<String> nonBlank(List<String> tokens) {
        return tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "OperatorTokens[" + operatorTokens.size() + " operator token(s), " + readOnlyTokens.size() + " read-only token(s)]";
    }
}
