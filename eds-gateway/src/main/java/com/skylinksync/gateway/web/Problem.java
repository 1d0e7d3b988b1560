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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String pointer) {

    private static final String TYPE_BASE = "urn:skylink:problem:";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(TYPE_BASE + kind, title, status, detail, null, null);
    }

    public Problem at(String pointer) {
        return new Problem(type, title, status, detail, instance, pointer);
    }

    public Problem forInstance(String path) {
        return instance != null ? this : new Problem(type, title, status, detail, path, pointer);
    }
}
