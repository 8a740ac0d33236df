package org.sapere.lrs.web;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.LrsClient;
import org.sapere.lrs.domain.XapiException;

/**
 * One request to the record store after the alternate request syntax (Communication 1.3) is unfolded: the
 * method it stands for, its resource, parameters, headers and body.
 */
record XapiRequest(
        String method,
        String resource,
        Map<String, String> params,
        Map<String, String> headers,
        byte[] body,
        @Nullable LrsClient client) {

    @Nullable
    String param(String name) {
        return params.get(name);
    }

    String required(String name) {
        var value = params.get(name);
        if (value == null) {
            throw XapiException.badRequest("the parameter " + name + " is required");
        }
        return value;
    }

    /** A header by its name in lower case. */
    @Nullable
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    String contentType() {
        var type = headers.get("content-type");
        return type == null ? "" : type;
    }

    boolean isJson() {
        return contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    void allowOnly(Set<String> names) {
        for (var name : params.keySet()) {
            if (!names.contains(name)) {
                throw XapiException.badRequest("the parameter " + name + " is not allowed here");
            }
        }
    }
}
