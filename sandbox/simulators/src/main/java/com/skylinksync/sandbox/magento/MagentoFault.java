package com.skylinksync.sandbox.magento;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error the simulator answers the way Magento's web API renders one (FW/Webapi/Rest/Response.php
 * {@code _renderMessages}, FW/Webapi/ErrorProcessor.php {@code maskException}): an HTTP status and
 * {@code {"message": "...%1...%name...", "parameters": [...] | {...}}}, {@code parameters} only when there are some and
 * with their PHP types kept (an id is a number, a region id a string); grouped input errors add {@code errors[]}.
 * Thrown from deep inside request handling so that validation reads straight; {@link RestRouter} turns it into a reply.
 */
final class MagentoFault extends RuntimeException {

    static final String NO_ROUTE = "Request does not match any route.";
    // FW/Exception/InputException::DEFAULT_MESSAGE
    static final String INPUT_ERRORS = "One or more input exceptions have occurred.";

    private final int status;
    private final String rawMessage;
    private final transient JsonNode parameters;
    private final transient List<MagentoFault> errors;

    private MagentoFault(int status, String rawMessage, JsonNode parameters, List<MagentoFault> errors) {
        super(rawMessage, null, false, false);
        this.status = status;
        this.rawMessage = rawMessage;
        this.parameters = parameters;
        this.errors = errors;
    }

    int status() {
        return status;
    }

    /** The error body: {@code message}, then {@code errors} and {@code parameters} when present (Response.php's order). */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", rawMessage);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            // Each grouped error carries "parameters" even when empty: PHP's [] renders as a JSON array.
            errors.forEach(error -> list.addObject().put("message", error.rawMessage)
                    .set("parameters", error.parameters == null ? JsonNodeFactory.instance.arrayNode() : error.parameters.deepCopy()));
        }
        if (parameters != null) {
            body.set("parameters", parameters.deepCopy());
        }
        return body;
    }

    static MagentoFault of(int status, String message) {
        return new MagentoFault(status, message, null, List.of());
    }

    /** {@code __('...%1...%2', $a, $b)}: the parameters render as a JSON array. */
    static MagentoFault positional(int status, String message, Object... parameters) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object parameter : parameters) {
            array.add(typed(parameter));
        }
        return new MagentoFault(status, message, array, List.of());
    }

    /** {@code __('...%name...', ['name' => $value])}: the parameters render as a JSON object, in the given order. */
    static MagentoFault named(int status, String message, Map<String, ?> parameters) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        parameters.forEach((name, value) -> object.set(name, typed(value)));
        return new MagentoFault(status, message, object, List.of());
    }

    /** FW/Exception/InputException::requiredField. */
    static MagentoFault requiredField(String fieldName) {
        return named(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", fieldName));
    }

    /** FW/Exception/InputException::invalidFieldValue; {@code value} keeps its type. */
    static MagentoFault invalidFieldValue(String fieldName, Object value) {
        return named(400, "Invalid value of \"%value\" provided for the %fieldName field.",
                ordered("fieldName", fieldName, "value", value));
    }

    /** FW/Exception/NoSuchEntityException::singleField; {@code fieldValue} keeps its type ({@code 88}, not {@code "88"}). */
    static MagentoFault noSuchEntity(String fieldName, Object fieldValue) {
        return named(404, "No such entity with %fieldName = %fieldValue", ordered("fieldName", fieldName, "fieldValue", fieldValue));
    }

    /** M/Webapi/Controller/Rest/RequestValidator::checkPermissions: the route's ACL resource is named. */
    static MagentoFault unauthorized(String resource) {
        return named(401, "The consumer isn't authorized to access %resources.", Map.of("resources", resource));
    }

    /** M/Webapi/Controller/Rest/Router::match. */
    static MagentoFault noRoute() {
        return of(404, NO_ROUTE);
    }

    /**
     * FW/Exception/AbstractAggregateException::addError: one error is thrown as itself; from the second on, the message
     * goes back to "One or more input exceptions have occurred." and every error is listed in {@code errors}.
     */
    static MagentoFault inputErrors(List<MagentoFault> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no input errors");
        }
        return errors.size() == 1 ? errors.getFirst() : new MagentoFault(400, INPUT_ERRORS, null, List.copyOf(errors));
    }

    /** FW/Webapi/ErrorProcessor::maskException outside developer mode: the message is filled, there are no parameters. */
    static MagentoFault internalError(String reportId) {
        return of(500, "Internal Error. Details are available in Magento log file. Report ID: " + reportId);
    }

    private static Map<String, Object> ordered(String firstName, Object first, String secondName, Object second) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(firstName, first);
        parameters.put(secondName, second);
        return parameters;
    }

    private static JsonNode typed(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case Integer number -> nodes.numberNode(number);
            case Long number -> nodes.numberNode(number);
            case JsonNode node -> node.deepCopy();
            default -> nodes.stringNode(value.toString());
        };
    }
}
