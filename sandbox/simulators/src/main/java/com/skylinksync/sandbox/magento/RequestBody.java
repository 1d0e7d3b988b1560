package com.skylinksync.sandbox.magento;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** A request's JSON body as Magento's web API reads it. */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * The body's {@code name} parameter (e.g. {@code customer}), which a service method requires: absent, it is
     * {@code "%fieldName" is required} (FW/Webapi/ServiceInputProcessor::process). An empty body has no parameters;
     * one that is not JSON is FW/Webapi/Rest/Request/Deserializer/Json's "Decoding error." outside developer mode.
     */
    static JsonNode parameter(ObjectMapper json, String body, String name) {
        JsonNode parsed;
        try {
            parsed = body == null || body.isBlank() ? JsonNodeFactory.instance.objectNode() : json.readTree(body);
        } catch (JacksonException malformed) {
            throw MagentoFault.of(400, "Decoding error.");
        }
        JsonNode value = parsed == null || !parsed.isObject() ? null : parsed.get(name);
        if (value == null || value.isNull()) {
            throw MagentoFault.requiredField(name);
        }
        return value;
    }
}
