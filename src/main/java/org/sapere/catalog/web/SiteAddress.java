package org.sapere.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public address of this Sapere for canonical links, OpenGraph and the sitemap: {@code sapere.base-url} when
 * set, otherwise the address the request came to (behind a proxy, its forwarded scheme and host).
 */
@Component
class SiteAddress {

    private final Environment environment;

    SiteAddress(Environment environment) {
        this.environment = environment;
    }

    String of(HttpServletRequest request, String path) {
        var configured = environment.getProperty("sapere.base-url", "");
        var base = configured.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : configured;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
