package org.sapere.lrs.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.domain.Json;
import tools.jackson.databind.JsonNode;

/** What a resource answers: a status, headers and a body, written by the controller. */
record XapiResponse(int status, Map<String, String> headers, byte @Nullable [] body) {

    static XapiResponse noContent() {
        return new XapiResponse(204, new LinkedHashMap<>(), null);
    }

    static XapiResponse json(JsonNode body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        return new XapiResponse(200, headers, Json.MAPPER.writeValueAsBytes(body));
    }

    static XapiResponse of(String contentType, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", contentType);
        return new XapiResponse(200, headers, body);
    }

    static XapiResponse error(int status, String message) {
        var body = Json.MAPPER.createObjectNode();
        body.put("error", status == 400 ? "Bad Request" : String.valueOf(status));
        body.put("message", message);
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        return new XapiResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    XapiResponse with(String header, String value) {
        headers.put(header, value);
        return this;
    }
}
