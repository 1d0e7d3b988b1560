package com.skylinksync.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): what every error answer of the gateway is.
 *
 * @param type     URI naming the kind of problem
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   what was wrong with this request
 * @param instance the request path
 * @param pointer  for invalid bodies, a JSON pointer (RFC 6901) to the offending element
 * @param parameter for invalid query parameters, the offending parameter's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String pointer, String parameter) {

    private static final String TYPE_BASE = "urn:skylink:problem:";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(TYPE_BASE + kind, title, status, detail, null, null, null);
    }

    public Problem at(String pointer) {
        return new Problem(type, title, status, detail, instance, pointer, parameter);
    }

    /** A 400 naming the query parameter that is wrong. */
    public static Problem badParameter(String parameter, String detail) {
        return new Problem(TYPE_BASE + "invalid-parameter", "Invalid query parameter", 400, detail, null, null, parameter);
    }

    /** The kind of problem: the last part of {@code type} (malformed-json, invalid-change-set, ...), e.g. for metrics. */
    public String kind() {
        return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
    }

    public Problem forInstance(String path) {
        return instance != null ? this : new Problem(type, title, status, detail, path, pointer, parameter);
    }
}
