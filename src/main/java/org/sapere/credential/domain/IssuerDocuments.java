package org.sapere.credential.domain;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.sapere.identity.IdentityDirectory;
import org.springframework.stereotype.Service;

/**
 * What a university publishes so that anyone can verify its credentials: its DID document (every key it ever
 * signed with, as Multikeys) and its revocation lists as signed Bitstring Status List credentials.
 */
@Service
public class IssuerDocuments {

    private final IssuerKeys keys;
    private final Issuers issuers;
    private final StatusLists statusLists;
    private final DataIntegrity integrity;
    private final IdentityDirectory identity;

    IssuerDocuments(
            IssuerKeys keys,
            Issuers issuers,
            StatusLists statusLists,
            DataIntegrity integrity,
            IdentityDirectory identity) {
        this.keys = keys;
        this.issuers = issuers;
        this.statusLists = statusLists;
        this.integrity = integrity;
        this.identity = identity;
    }

    /**
     * The {@code did:web} document of the university. Keys retired by a rotation stay listed, for assertions too:
     * they sign nothing new, but what they signed stays verifiable.
     */
    public Optional<String> didDocument(String slug) {
        var organisation = identity.organisationBySlug(slug);
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        var orgId = organisation.get().id().value();
        keys.signingKey(orgId);
        var did = issuers.did(slug);
        var methods = Json.createArrayBuilder();
        var assertion = Json.createArrayBuilder();
        for (var key : keys.published(orgId)) {
            var id = issuers.verificationMethod(slug, key.number());
            methods.add(Json.createObjectBuilder()
                    .add("id", id)
                    .add("type", "Multikey")
                    .add("controller", did)
                    .add("publicKeyMultibase", key.multibase()));
            assertion.add(id);
        }
        var document = Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/did/v1")
                                .add("https://w3id.org/security/multikey/v1"))
                .add("id", did)
                .add("alsoKnownAs", Json.createArrayBuilder().add(issuers.url("/universities/" + slug)))
                .add("verificationMethod", methods)
                .add("assertionMethod", assertion)
                .build();
        return Optional.of(JsonText.pretty(document));
    }

    /** The signed status list credential, made now from the current revocations. */
    public Optional<String> statusList(String slug, int list) {
        var organisation = identity.organisationBySlug(slug);
        if (organisation.isEmpty()
                || !statusLists.exists(organisation.get().id().value(), list)) {
            return Optional.empty();
        }
        var orgId = organisation.get().id().value();
        var url = issuers.url("/organisations/" + slug + "/credentials/status/" + list);
        var unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(Contexts.CREDENTIALS_V2))
                .add("id", url)
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", issuers.did(slug))
                .add("validFrom", OpenBadges.timestamp(Instant.now()))
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", url + "#list")
                                .add("type", "BitstringStatusList")
                                .add("statusPurpose", "revocation")
                                .add("encodedList", statusLists.encodedList(orgId, list)))
                .build();
        var signing = keys.signingKey(orgId);
        try {
            return Optional.of(JsonText.pretty(integrity.sign(
                    unsigned,
                    new DataIntegrity.ProofOptions(
                            Instant.now(), issuers.verificationMethod(slug, signing.number()), "assertionMethod"),
                    signing.privateKey())));
        } catch (JsonLdError e) {
            throw new IllegalStateException("Could not sign the status list " + url, e);
        }
    }
}
