package org.sapere.credential.domain;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who signs: each university is a {@code did:web} issuer under this Sapere's public address, e.g.
 * {@code did:web:learn.polimi.it:organisations:polimi}, whose DID document is served at
 * {@code https://learn.polimi.it/organisations/polimi/did.json}; its keys are {@code #key-1}, {@code #key-2}, ….
 */
@Component
public class Issuers {

    private static final Pattern METHOD = Pattern.compile("did:web:[^#]+:organisations:([a-z0-9-]+)#key-([0-9]{1,6})");

    /** A verification method read back: the university's slug and the key's number. */
    public record KeyReference(String organisationSlug, int number) {}

    private final Environment environment;

    Issuers(Environment environment) {
        this.environment = environment;
    }

    /** The public address without a trailing slash, e.g. {@code https://learn.polimi.it}. */
    public String baseUrl() {
        var configured = environment.getProperty("sapere.base-url", "");
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    public String did(String organisationSlug) {
        var uri = URI.create(baseUrl());
        var host = uri.getHost() + (uri.getPort() > 0 ? "%3A" + uri.getPort() : "");
        var path = uri.getPath() == null || uri.getPath().isBlank()
                ? ""
                : uri.getPath().replace('/', ':');
        return "did:web:" + host + (path.endsWith(":") ? path.substring(0, path.length() - 1) : path)
                + ":organisations:" + organisationSlug;
    }

    public String verificationMethod(String organisationSlug, int keyNumber) {
        return did(organisationSlug) + "#key-" + keyNumber;
    }

    /**
     * The university and key a verification method names, if it has the shape of one of ours. The host is not
     * compared: a Sapere that moved to a new address still knows the keys it signed with.
     */
    public static Optional<KeyReference> parse(String verificationMethod) {
        var match = METHOD.matcher(verificationMethod);
        return match.matches()
                ? Optional.of(new KeyReference(match.group(1), Integer.parseInt(match.group(2))))
                : Optional.empty();
    }

    /** The issuer of a verification method: everything before the fragment. */
    public static String controller(String verificationMethod) {
        var hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    }

    public String url(String path) {
        return baseUrl() + path;
    }
}
