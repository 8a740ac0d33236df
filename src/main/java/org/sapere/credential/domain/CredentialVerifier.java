package org.sapere.credential.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.sapere.credential.Verification;
import org.sapere.identity.IdentityDirectory;
import org.springframework.stereotype.Service;

/**
 * Checks a credential the way an outside verifier would, with nothing but the document: its proof against the
 * issuing university's published key, the issuer it claims, its validity period and its revocation status.
 * Only keys of this Sapere's universities are known; nothing is fetched from the network.
 */
@Service
public class CredentialVerifier {

    private final DataIntegrity integrity;
    private final IssuerKeys keys;
    private final IdentityDirectory identity;
    private final CredentialRecords records;
    private final StatusLists statusLists;

    CredentialVerifier(
            DataIntegrity integrity,
            IssuerKeys keys,
            IdentityDirectory identity,
            CredentialRecords records,
            StatusLists statusLists) {
        this.integrity = integrity;
        this.keys = keys;
        this.identity = identity;
        this.records = records;
        this.statusLists = statusLists;
    }

    public Verification verify(String text) {
        var parsed = JsonText.object(text);
        if (parsed.isEmpty()) {
            return Verification.invalid("not-json");
        }
        var document = parsed.get();
        if (!hasType(document.get("type"), "VerifiableCredential")) {
            return Verification.invalid("not-a-credential");
        }
        var issuerId = issuerId(document.get("issuer"));
        var check = integrity.verify(document, this::publicKey);
        var claimed = claims(document, issuerId, check.valid(), check.reason(), false);
        if (!check.valid()) {
            return claimed;
        }
        var method = check.verificationMethod().orElseThrow();
        if (!Issuers.controller(method).equals(issuerId)) {
            return claims(document, issuerId, false, "issuer-mismatch", false);
        }
        var proofs = document.get("proof") instanceof JsonArray array
                ? array
                : Json.createArrayBuilder().add(document.get("proof")).build();
        if (proofs.get(0) instanceof JsonObject proof && !"assertionMethod".equals(text(proof.get("proofPurpose")))) {
            return claims(document, issuerId, false, "unsupported-proof", false);
        }
        var now = Instant.now();
        var validFrom = instant(document.get("validFrom"));
        if (validFrom.isPresent() && validFrom.get().isAfter(now)) {
            return claims(document, issuerId, false, "not-yet-valid", false);
        }
        var validUntil = instant(document.get("validUntil"));
        if (validUntil.isPresent() && validUntil.get().isBefore(now)) {
            return claims(document, issuerId, false, "expired", false);
        }
        if (revoked(document, method)) {
            return claims(document, issuerId, false, "revoked", true);
        }
        return claimed;
    }

    /** Revoked according to the university's status list (the credential's record says the same). */
    private boolean revoked(JsonObject document, String method) {
        var id = text(document.get("id"));
        if (id != null && id.startsWith("urn:uuid:")) {
            try {
                var stored = records.find(UUID.fromString(id.substring("urn:uuid:".length())));
                if (stored.isPresent()) {
                    return stored.get().revoked();
                }
            } catch (IllegalArgumentException notUuid) {
                // fall through to the status list
            }
        }
        if (!(document.get("credentialStatus") instanceof JsonObject status)) {
            return false;
        }
        var list = text(status.get("statusListCredential"));
        var index = text(status.get("statusListIndex"));
        var reference = Issuers.parse(method);
        if (list == null || index == null || reference.isEmpty() || !list.matches(".*/credentials/status/[0-9]{1,6}")) {
            return false;
        }
        var organisation = identity.organisationBySlug(reference.get().organisationSlug());
        try {
            var number = Integer.parseInt(list.substring(list.lastIndexOf('/') + 1));
            var position = Integer.parseInt(index);
            return organisation.isPresent()
                    && position >= 0
                    && position < StatusLists.SIZE
                    && statusLists.isSet(organisation.get().id().value(), number, position);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Optional<PublicKey> publicKey(String verificationMethod) {
        return Issuers.parse(verificationMethod)
                .flatMap(reference -> identity.organisationBySlug(reference.organisationSlug())
                        .flatMap(o -> keys.publicKey(o.id().value(), reference.number())));
    }

    private static Verification claims(
            JsonObject document, String issuerId, boolean valid, String reason, boolean revoked) {
        var issuer = document.get("issuer") instanceof JsonObject o ? text(o.get("name")) : null;
        String holder = null;
        String achievement = null;
        if (document.get("credentialSubject") instanceof JsonObject subject) {
            if (subject.get("identifier") instanceof JsonArray identifiers
                    && !identifiers.isEmpty()
                    && identifiers.get(0) instanceof JsonObject identifier
                    && "name".equals(text(identifier.get("identityType")))) {
                holder = text(identifier.get("identityHash"));
            }
            if (subject.get("achievement") instanceof JsonObject a) {
                achievement = text(a.get("name"));
            }
        }
        return new Verification(
                valid,
                reason,
                revoked,
                issuer,
                issuerId,
                holder,
                achievement,
                text(document.get("validFrom")),
                text(document.get("id")));
    }

    private static boolean hasType(JsonValue type, String wanted) {
        if (type instanceof JsonString s) {
            return s.getString().equals(wanted);
        }
        return type instanceof JsonArray array
                && array.stream()
                        .anyMatch(
                                t -> t instanceof JsonString s && s.getString().equals(wanted));
    }

    private static String issuerId(JsonValue issuer) {
        if (issuer instanceof JsonString s) {
            return s.getString();
        }
        return issuer instanceof JsonObject o && text(o.get("id")) != null ? text(o.get("id")) : "";
    }

    private static Optional<Instant> instant(JsonValue value) {
        var text = text(value);
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
