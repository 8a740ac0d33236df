package org.sapere.credential.domain;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code eddsa-rdfc-2022} cryptosuite of W3C Data Integrity (EdDSA Cryptosuites v1.0, §3.2): a document and
 * its proof configuration are each turned into RDF, canonicalised with RDFC-1.0 and hashed with SHA-256; the two
 * hashes, proof configuration first, are signed with Ed25519 and the signature travels as a base58btc
 * {@code proofValue}.
 */
public final class DataIntegrity {

    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    public static final String PROOF_TYPE = "DataIntegrityProof";

    /** How long one canonicalisation may take before it is given up. */
    static final long CANONICALISATION_BUDGET_MS = 5_000;

    /** What a proof says besides its value. */
    public record ProofOptions(Instant created, String verificationMethod, String proofPurpose) {}

    /** Why a proof did or did not hold; {@code reason} is a message key suffix ({@code verify.reason.*}). */
    public record Check(boolean valid, String reason, Optional<String> verificationMethod) {

        static Check fails(String reason) {
            return new Check(false, reason, Optional.empty());
        }
    }

    private final DocumentLoader loader;

    public DataIntegrity(DocumentLoader loader) {
        this.loader = loader;
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a JSON-LD document, in "safe mode": a property no context defines, or a
     * type or id that is not an absolute IRI, is an error rather than silently left out of what is signed (else a
     * changed key or type name would still verify).
     */
    public String canonicalize(JsonObject document) throws JsonLdError {
        try {
            var options = new JsonLdOptions(loader);
            options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
            var expanded =
                    JsonLd.expand(JsonDocument.of(document)).options(options).get();
            requireAbsolute(expanded);
            // A crafted document with many interlinked blank nodes can make canonicalisation take very long: give up
            // after a few seconds (an IllegalStateException, which verify reports as not checkable).
            var canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(CANONICALISATION_BUDGET_MS));
            JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
            var out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("Could not canonicalise", e);
        }
    }

    /** The proof configuration of §3.2.5: the proof's options in the document's own context. */
    public JsonObject proofConfiguration(JsonObject unsecured, ProofOptions options) {
        return Json.createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("cryptosuite", CRYPTOSUITE)
                .add(
                        "created",
                        DateTimeFormatter.ISO_INSTANT.format(options.created().truncatedTo(ChronoUnit.SECONDS)))
                .add("verificationMethod", options.verificationMethod())
                .add("proofPurpose", options.proofPurpose())
                .add("@context", unsecured.get("@context"))
                .build();
    }

    /** The data that is signed (§3.2.6): SHA-256 of the canonical proof configuration, then of the document. */
    public byte[] hashData(JsonObject unsecured, JsonObject proofConfiguration) throws JsonLdError {
        var proofHash = sha256(canonicalize(proofConfiguration));
        var documentHash = sha256(canonicalize(unsecured));
        var data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    /** The document with its {@code proof} added. */
    public JsonObject sign(JsonObject unsecured, ProofOptions options, PrivateKey key) throws JsonLdError {
        var configuration = proofConfiguration(unsecured, options);
        var signature = Ed25519.sign(key, hashData(unsecured, configuration));
        var proof = Json.createObjectBuilder(configuration)
                .remove("@context")
                .add("proofValue", Multibase.encode(signature))
                .build();
        return Json.createObjectBuilder(unsecured).add("proof", proof).build();
    }

    /**
     * Checks the document's single proof. {@code keys} finds the public key of a verification method (empty when
     * it is unknown); the check never fetches anything.
     */
    public Check verify(JsonObject secured, Function<String, Optional<PublicKey>> keys) {
        var proofValue = secured.get("proof");
        if (proofValue instanceof jakarta.json.JsonArray proofs && proofs.size() == 1) {
            proofValue = proofs.get(0);
        }
        if (!(proofValue instanceof JsonObject proof)) {
            return Check.fails(secured.containsKey("proof") ? "unsupported-proof" : "no-proof");
        }
        if (!PROOF_TYPE.equals(text(proof, "type")) || !CRYPTOSUITE.equals(text(proof, "cryptosuite"))) {
            return Check.fails("unsupported-proof");
        }
        var method = text(proof, "verificationMethod");
        var created = text(proof, "created");
        var purpose = text(proof, "proofPurpose");
        var value = text(proof, "proofValue");
        if (method == null || created == null || purpose == null || value == null) {
            return Check.fails("malformed-proof");
        }
        var key = keys.apply(method);
        if (key.isEmpty()) {
            return Check.fails("unknown-key");
        }
        byte[] signature;
        try {
            signature = Multibase.decode(value);
        } catch (IllegalArgumentException e) {
            return Check.fails("malformed-proof");
        }
        var unsecured = Json.createObjectBuilder(secured).remove("proof").build();
        var configuration = Json.createObjectBuilder(proof)
                .remove("proofValue")
                .add("@context", secured.getOrDefault("@context", JsonValue.NULL))
                .build();
        try {
            var valid =
                    signature.length == 64 && Ed25519.verify(key.get(), hashData(unsecured, configuration), signature);
            return new Check(valid, valid ? "valid" : "bad-signature", Optional.of(method));
        } catch (JsonLdError | RuntimeException e) {
            return Check.fails("not-json-ld");
        }
    }

    private static final java.util.regex.Pattern ABSOLUTE =
            java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** Every property, type and id of the expanded document is an absolute IRI (or a blank node identifier). */
    private static void requireAbsolute(JsonValue value) throws JsonLdError {
        if (value instanceof jakarta.json.JsonArray array) {
            for (var item : array) {
                requireAbsolute(item);
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        for (var entry : object.entrySet()) {
            var key = entry.getKey();
            if (key.equals("@value")) {
                continue;
            }
            if (key.equals("@type") || key.equals("@id")) {
                var values = entry.getValue() instanceof jakarta.json.JsonArray a
                        ? a
                        : Json.createArrayBuilder().add(entry.getValue()).build();
                for (var v : values) {
                    if (!(v instanceof JsonString s)
                            || !ABSOLUTE.matcher(s.getString()).matches()) {
                        throw new JsonLdError(
                                com.apicatalog.jsonld.JsonLdErrorCode.INVALID_IRI_MAPPING,
                                "Not an absolute IRI in " + key + ": " + v);
                    }
                }
            } else if (!key.startsWith("@") && !ABSOLUTE.matcher(key).matches()) {
                throw new JsonLdError(
                        com.apicatalog.jsonld.JsonLdErrorCode.INVALID_IRI_MAPPING, "Not an absolute IRI: " + key);
            } else {
                requireAbsolute(entry.getValue());
            }
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
