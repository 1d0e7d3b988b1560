package com.skylinksync.sandbox.magento;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error the simulator answers the way Magento's web API does: an HTTP status and a body
 * {@code {"message": "...%1...%name...", "parameters": [...] | {...}}} whose placeholders the client fills in.
 * Thrown from deep inside request handling so that validation reads straight; {@link RestApi} turns it into a reply.
 */
final class MagentoFault extends RuntimeException {

    private final int status;
    private final transient ObjectNode body;

    private MagentoFault(int status, String message, JsonNode parameters) {
        super(message, null, false, false);
        this.status = status;
        this.body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        if (parameters != null) {
            body.set("parameters", parameters);
        }
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body.deepCopy();
    }

    static MagentoFault of(int status, String message) {
        return new MagentoFault(status, message, null);
    }

    static MagentoFault positional(int status, String message, List<String> parameters) {
        var array = JsonNodeFactory.instance.arrayNode();
        parameters.forEach(array::add);
        return new MagentoFault(status, message, array);
    }

    static MagentoFault named(int status, String message, Map<String, String> parameters) {
        var object = JsonNodeFactory.instance.objectNode();
        parameters.forEach(object::put);
        return new MagentoFault(status, message, object);
    }

    /** Magento's {@code InputException::requiredField}. */
    static MagentoFault requiredField(String fieldName) {
        return named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", fieldName));
    }

    /** Magento's {@code InputException::invalidFieldValue}. */
    static MagentoFault invalidFieldValue(String fieldName, String value) {
        return named(400, "Invalid value of \"%value\" provided for the %fieldName field.",
                Map.of("fieldName", fieldName, "value", String.valueOf(value)));
    }

    /** Magento's {@code NoSuchEntityException::singleField}. */
    static MagentoFault noSuchEntity(String fieldName, String fieldValue) {
        return named(404, "No such entity with %fieldName = %fieldValue",
                Map.of("fieldName", fieldName, "fieldValue", fieldValue));
    }

    static MagentoFault unauthorized() {
        return named(401, "The consumer isn't authorized to access %resources.",
                Map.of("resources", "Magento_Customer::manage"));
    }

    static MagentoFault noRoute() {
        return of(404, "Request does not match any route.");
    }
}
