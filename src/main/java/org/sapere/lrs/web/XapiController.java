package org.sapere.lrs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.lrs.LrsClient;
import org.sapere.lrs.domain.XapiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The record store's single entry point: unfolds the alternate request syntax, checks the version header and the
 * client's scope, hands the request to its resource and writes the answer; every error is JSON.
 */
@Controller
class XapiController {

    static final String VERSION = "1.0.3";
    private static final Logger log = LoggerFactory.getLogger(XapiController.class);
    private static final Set<String> HEADER_PARAMS = Set.of(
            "authorization", "x-experience-api-version", "content-type", "content-length", "if-match", "if-none-match");

    private final StatementsResource statements;
    private final DocumentsResource documents;
    private final AboutResource about;
    private final int maxBodyBytes;

    XapiController(
            StatementsResource statements,
            DocumentsResource documents,
            AboutResource about,
            @Value("${sapere.lrs.max-body-bytes:16777216}") int maxBodyBytes) {
        this.statements = statements;
        this.documents = documents;
        this.about = about;
        this.maxBodyBytes = maxBodyBytes;
    }

    @RequestMapping("/xapi/**")
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XapiResponse answer;
        try {
            answer = dispatch(read(request));
        } catch (XapiException e) {
            log.debug(
                    "xAPI {} {} refused: {} {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.status(),
                    e.getMessage());
            answer = XapiResponse.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("xAPI request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
            answer = XapiResponse.error(500, "the record store failed to answer");
        }
        if (request.getRequestURI().startsWith("/xapi/statements")
                && !answer.headers().containsKey("X-Experience-API-Consistent-Through")) {
            // Every answer of the statements resource says up to when it is consistent, errors included.
            answer.headers()
                    .put(
                            "X-Experience-API-Consistent-Through",
                            org.sapere.lrs.domain.Values.format(java.time.Instant.now()));
        }
        write(answer, response, request.getMethod().equals("HEAD"));
    }

    private XapiResponse dispatch(XapiRequest request) {
        var resource = request.resource();
        if (!resource.equals("/about")) {
            var version = request.header("x-experience-api-version");
            if (version == null || !version.trim().matches("^1\\.0(\\.\\d+)?$")) {
                throw XapiException.badRequest("X-Experience-API-Version must be 1.0.x, was " + version);
            }
            var client = request.client();
            if (client == null) {
                throw new XapiException(401, "authentication is required");
            }
            if (request.isRead() ? !client.canRead() : !client.canWrite()) {
                throw new XapiException(403, "this client may not " + (request.isRead() ? "read" : "write"));
            }
        }
        return switch (resource) {
            case "/statements" -> statements.handle(request);
            case "/activities/state", "/activities/profile", "/agents/profile" -> documents.handle(request);
            case "/about" -> about.about(request);
            case "/activities" -> about.activity(request);
            case "/agents" -> about.agent(request);
            default -> throw XapiException.notFound("no xAPI resource at " + resource);
        };
    }

    private XapiRequest read(HttpServletRequest request) throws IOException {
        var resource =
                request.getRequestURI().substring(request.getContextPath().length() + "/xapi".length());
        if (resource.endsWith("/") && resource.length() > 1) {
            resource = resource.substring(0, resource.length() - 1);
        }
        var query = parse(request.getQueryString());
        var headers = new HashMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        var client = SecurityContextHolder.getContext().getAuthentication() != null
                        && SecurityContextHolder.getContext()
                                        .getAuthentication()
                                        .getPrincipal()
                                instanceof LrsClient c
                ? c
                : null;
        var method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("POST") && query.containsKey("method")) {
            return alternate(request, resource, query, headers, client);
        }
        if (query.containsKey("method")) {
            throw XapiException.badRequest("the method parameter is allowed only on POST");
        }
        return new XapiRequest(method, resource, query, headers, body(request.getInputStream()), client);
    }

    /** Communication 1.3: POST ?method=X with the headers, parameters and content in a form body. */
    private XapiRequest alternate(
            HttpServletRequest request,
            String resource,
            Map<String, String> query,
            Map<String, String> headers,
            @Nullable LrsClient client) {
        if (query.size() > 1) {
            throw XapiException.badRequest("with the alternate request syntax, method is the only query parameter");
        }
        var method = query.get("method").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "HEAD", "PUT", "POST", "DELETE").contains(method)) {
            throw XapiException.badRequest("unknown method " + method);
        }
        if (!headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")) {
            throw XapiException.badRequest("the alternate request syntax needs application/x-www-form-urlencoded");
        }
        var params = new HashMap<String, String>();
        var newHeaders = new HashMap<String, String>(headers);
        newHeaders.remove("content-type");
        byte[] body = new byte[0];
        for (var entry : request.getParameterMap().entrySet()) {
            var name = entry.getKey();
            if (name.equals("method") || entry.getValue().length == 0) {
                continue;
            }
            var value = entry.getValue()[0];
            if (HEADER_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
                newHeaders.put(name.toLowerCase(Locale.ROOT), value);
            } else if (name.equals("content")) {
                body = value.getBytes(StandardCharsets.UTF_8);
            } else {
                params.put(name, value);
            }
        }
        if (!newHeaders.containsKey("content-type")) {
            newHeaders.put("content-type", "application/json");
        }
        return new XapiRequest(method, resource, params, newHeaders, body, client);
    }

    private static Map<String, String> parse(@Nullable String query) {
        var params = new HashMap<String, String>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (var pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw XapiException.badRequest("the parameter " + name + " is given twice");
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw XapiException.badRequest("a parameter is not properly encoded");
        }
    }

    private byte[] body(InputStream in) throws IOException {
        var bytes = in.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw new XapiException(413, "the body is larger than " + maxBodyBytes + " bytes");
        }
        return bytes;
    }

    private static void write(XapiResponse answer, HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        var body = answer.body();
        if (body != null) {
            response.setContentLength(body.length);
            if (!head) {
                response.getOutputStream().write(body);
            }
        }
    }
}
