package com.skylinksync.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a Magento error body {@code {"message": "...", "parameters": [...] | {...}, "errors": [...]}} into the sentence
 * Magento means: {@code %1}, {@code %2}... are filled from a parameter list, {@code %name} from a parameter object
 * (Magento's {@code Phrase} renderer). Bodies that are not Magento's (a proxy's HTML page) are quoted, shortened.
 */
final class MagentoErrorMessage {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\w+)");
    private static final int QUOTE_LIMIT = 200;

    private MagentoErrorMessage() {
    }

    static String decode(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return "no error message";
        }
        JsonNode error;
        try {
            error = json.readTree(body);
        } catch (JacksonException notJson) {
            return quote(body);
        }
        if (error == null || !error.isObject() || !error.path("message").isString()) {
            return quote(body);
        }
        String message = fill(error.get("message").asString(), error.get("parameters"));
        // InputException with several problems: "One or more input exceptions have occurred." plus the details.
        JsonNode details = error.get("errors");
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

    private static String quote(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT) + "...";
    }
}
