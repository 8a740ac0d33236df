package org.sapere.lrs.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A demo client of the record store with a fixed key and secret, printed at start-up for test suites. */
@Component
@Profile("!prod")
class LrsDemoContent implements org.sapere.shared.DemoContent {

    static final String KEY = "demo-lrs-client";
    static final String SECRET = "demo-lrs-secret-2026";
    private static final Logger log = LoggerFactory.getLogger(LrsDemoContent.class);

    private final Clients clients;

    LrsDemoContent(Clients clients) {
        this.clients = clients;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        clients.create("Demo xAPI client", KEY, SECRET, true, true);
        log.info("Demo xAPI client: endpoint /xapi/, key {}, secret {}", KEY, SECRET);
    }
}
