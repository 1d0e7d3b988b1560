package com.skylinksync.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a Magento error body {@code {"message": "...", "parameters": [...] | {...}, "errors": [...]}} into the sentence
 * Magento means: {@code %1}, {@code %2}... are filled from a parameter list, {@code %name} from a parameter object,
 * whatever the values' JSON types (Magento's {@code Phrase} renderer). Bodies that are not Magento's (a proxy's or a
 * maintenance HTML page) are quoted, shortened.
 */
final class MagentoErrorMessage {

    // M/Webapi/Controller/Rest/Router::match
    static final String NO_ROUTE = "Request does not match any route.";
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\w+)");
    private static final int QUOTE_LIMIT = 200;

    private MagentoErrorMessage() {
    }

    static String decode(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return "no error message";
        }
        Optional<JsonNode> error = magentoError(json, body);
        if (error.isEmpty()) {
            return quote(body);
        }
        String message = fill(error.get().get("message").asString(), error.get().get("parameters"));
        // Several input errors: "One or more input exceptions have occurred." plus each of them.
        JsonNode details = error.get().get("errors");
        if (details != null && details.isArray() && !details.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode detail : details) {
                if (detail.path("message").isString()) {
                    parts.add(fill(detail.get("message").asString(), detail.get("parameters")));
                }
            }
            if (!parts.isEmpty()) {
                message = message + " " + String.join("; ", parts);
            }
        }
        return message;
    }

    /**
     * Whether a 404's body is Magento saying an entity does not exist (a {@code NoSuchEntityException}, whatever its
     * message), as opposed to it having no such route, or the body not being Magento's at all.
     */
    static boolean isEntityNotFound(ObjectMapper json, String body) {
        return magentoError(json, body).filter(error -> !error.get("message").asString().equals(NO_ROUTE)).isPresent();
    }

    static String fill(String message, JsonNode parameters) {
        if (parameters == null || parameters.isNull()) {
            return message;
        }
        Matcher placeholder = PLACEHOLDER.matcher(message);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            JsonNode value = null;
            if (parameters.isArray() && key.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(key) - 1;
                value = index >= 0 ? parameters.get(index) : null;
            } else if (parameters.isObject()) {
                value = parameters.get(key);
            }
            String replacement = value == null ? placeholder.group() : value.isValueNode() ? value.asString() : value.toString();
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static Optional<JsonNode> magentoError(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode error = json.readTree(body);
            return error != null && error.isObject() && error.path("message").isString() ? Optional.of(error) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static String quote(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT) + "...";
    }
}
