package org.sapere.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code sapere.web.max-request-size} with 413 before anything reads them.
 * Routes that take large bodies (the xAPI record store; later video and packages) have their own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** Uploads by professors: course archives and lesson materials. */
    static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile(
            "/teach/(import|courses/[^/]+/bank/import|courses/[^/]+/lessons/[^/]+/(file|video/captions))|/account/avatar");

    /** Resumable video uploads stream to disk and enforce the length declared when they were created. */
    static final java.util.regex.Pattern STREAMED = java.util.regex.Pattern.compile("/xapi/.*|/teach/uploads/[^/]+");

    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimit(
            @Value("${sapere.web.max-request-size:1MB}") org.springframework.util.unit.DataSize max,
            @Value("${sapere.web.max-upload-size:200MB}") org.springframework.util.unit.DataSize maxUpload) {
        this.maxBytes = max.toBytes();
        this.maxUploadBytes = maxUpload.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The record store takes attachments and enforces its own limit (sapere.lrs.max-body-bytes).
        var limit = UPLOADS.matcher(request.getRequestURI()).matches() ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit
                && !STREAMED.matcher(request.getRequestURI()).matches()) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
