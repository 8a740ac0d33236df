package org.sapere.notification.domain;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute links for mails: a path on this Sapere under its public address. */
@Component
class MailLinks {

    private final Environment environment;

    MailLinks(Environment environment) {
        this.environment = environment;
    }

    /** The path (starting with "/") under the public address. */
    String to(String path) {
        return baseUrl() + path;
    }

    /** The configured public address, or this instance's own port on localhost (the default run, tests). */
    String baseUrl() {
        var configured = environment.getProperty("sapere.base-url", "");
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
