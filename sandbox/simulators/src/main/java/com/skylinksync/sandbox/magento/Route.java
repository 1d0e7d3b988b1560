package com.skylinksync.sandbox.magento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code <route url="/V1/..." method="...">} of a module's {@code etc/webapi.xml}: the URL template with its
 * {@code :params}, the ACL resource a caller needs ({@code anonymous} for none) and what answers it.
 */
record Route(String method, String template, String resource, Handler handler) {

    static final String ANONYMOUS = "anonymous";

    /** What a route does with a request that reached it (the caller is authorised, or the route is anonymous). */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    /**
     * A matched request: the template's parameters (decoded), the raw query, the body as sent, and whether the caller
     * presented the integration's token (a caller without it reaches anonymous routes as a guest), and the store code
     * of the URL ({@code default} when it named none, {@code all} for the global scope).
     */
    record Call(Map<String, String> parameters, String rawQuery, String body, boolean authenticated, String store) {

        String parameter(String name) {
            return parameters.get(name);
        }
    }

    /** The template's parameters when {@code method} and {@code path} (after {@code /V1/}) match it. */
    Optional<Map<String, String>> match(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        for (String segment : template.split("/")) {
            if (regex.length() > 1) {
                regex.append('/');
            }
            if (segment.startsWith(":")) {
                names.add(segment.substring(1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        Matcher matcher = Pattern.compile(regex.append('$').toString()).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            parameters.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(parameters);
    }
}
