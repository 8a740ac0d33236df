package org.sapere.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sapere.credential.domain.Contexts;
import org.sapere.credential.domain.DataIntegrity;
import org.sapere.credential.domain.DataIntegrity.ProofOptions;
import org.sapere.credential.domain.Ed25519;

/**
 * Credentials signed in the test with Sapere's {@link DataIntegrity}: the W3C vector's Alumni credential and an
 * Open Badges 3.0 credential from a fixed test key, with the documents a verifier needs to check them.
 */
final class SignedSamples {

    static final String DID = "did:web:localhost%3A8080:organisations:test-university";
    static final String METHOD = DID + "#key-1";
    private static final KeyPair KEYS = keyPair(DataIntegrity.sha256("Sapere test issuer, not a real key"));
    static final PrivateKey SECRET = KEYS.getPrivate();
    static final PublicKey PUBLIC = KEYS.getPublic();

    private static final DataIntegrity INTEGRITY = new DataIntegrity(new Contexts());

    private SignedSamples() {}

    /** The W3C vector's Alumni credential signed with the vector's key: the specification's signed example. */
    static String vectorCredential() throws Exception {
        var integrity = new DataIntegrity(new Contexts(
                Map.of(EddsaRdfc2022VectorTests.EXAMPLES_CONTEXT_URL, EddsaRdfc2022VectorTests.EXAMPLES_CONTEXT)));
        var options = new ProofOptions(
                Instant.parse("2023-02-24T23:36:38Z"), EddsaRdfc2022VectorTests.METHOD, "assertionMethod");
        var signed = integrity.sign(
                EddsaRdfc2022VectorTests.json(EddsaRdfc2022VectorTests.UNSIGNED),
                options,
                Ed25519.secretFromMultibase(EddsaRdfc2022VectorTests.SECRET_KEY));
        return pretty(signed);
    }

    /** A did:key document for the vector's key, and the examples context: what the vector needs offline. */
    static Map<String, String> vectorDocuments() {
        var key = EddsaRdfc2022VectorTests.PUBLIC_KEY;
        return Map.of(
                "did:key:" + key,
                didDocument("did:key:" + key, EddsaRdfc2022VectorTests.METHOD, key),
                EddsaRdfc2022VectorTests.EXAMPLES_CONTEXT_URL,
                EddsaRdfc2022VectorTests.EXAMPLES_CONTEXT);
    }

    /** An Open Badges 3.0 credential as an issuer would make it, signed with the test key. */
    static String openBadge() throws Exception {
        var unsigned = Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add(Contexts.CREDENTIALS_V2).add(Contexts.OPEN_BADGES_V3))
                .add("id", "urn:uuid:0f8e2a56-7a43-4c1c-9d55-3c1f4b1e9a01")
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("name", "Introduction to Statistics — completed")
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", DID)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Test University"))
                .add("validFrom", "2025-03-01T10:15:30Z")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "identifier",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("type", "IdentityObject")
                                                        .add("hashed", true)
                                                        .add(
                                                                "identityHash",
                                                                "sha256$2f3b0a7b2c1f7e4f3d7b6a0c5e9a3b8d1c4e7f0a2b5c8d1e4f7a0b3c6d9e2f5a")
                                                        .add("identityType", "emailAddress")
                                                        .add("salt", "pepper")))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "http://localhost:8080/courses/statistics/versions/1")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Introduction to Statistics")
                                                .add("description", "Means, variances, and what they hide; 12 hours.")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "narrative",
                                                                        "Passed every quiz with 80 % or more."))))
                .build();
        var signed = INTEGRITY.sign(
                unsigned, new ProofOptions(Instant.parse("2025-03-01T10:15:31Z"), METHOD, "assertionMethod"), SECRET);
        return pretty(signed);
    }

    /** The test issuer's DID document. */
    static Map<String, String> openBadgeDocuments() {
        return Map.of(DID, didDocument(DID, METHOD, Ed25519.multibase(PUBLIC)));
    }

    /** Sapere's verification of {@link #openBadge()}-style JSON text: a parse error is simply not valid. */
    static DataIntegrity.Check verifyOpenBadge(String json) {
        JsonObject document;
        try {
            document = Json.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            return new DataIntegrity.Check(false, "not-json", Optional.empty());
        }
        return INTEGRITY.verify(document, method -> method.equals(METHOD) ? Optional.of(PUBLIC) : Optional.empty());
    }

    /** The RDFC-1.0 canonical form, by Sapere's signing path, of a signed credential without its proof. */
    static String canonicalWithoutProof(String json) throws Exception {
        var document = Json.createReader(new StringReader(json)).readObject();
        return INTEGRITY.canonicalize(
                Json.createObjectBuilder(document).remove("proof").build());
    }

    /** The text with the character at {@code index} replaced by a different one of the same kind. */
    static String changed(String text, int index) {
        var c = text.charAt(index);
        char replacement;
        if (c >= '0' && c <= '9') {
            replacement = (char) ('0' + (c - '0' + 1) % 10);
        } else if (c >= 'a' && c <= 'z') {
            replacement = (char) ('a' + (c - 'a' + 1) % 26);
        } else if (c >= 'A' && c <= 'Z') {
            replacement = (char) ('A' + (c - 'A' + 1) % 26);
        } else {
            replacement = c == 'x' ? 'y' : 'x';
        }
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    static String didDocument(String did, String method, String publicKeyMultibase) {
        return pretty(Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/did/v1")
                                .add("https://w3id.org/security/multikey/v1"))
                .add("id", did)
                .add(
                        "verificationMethod",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("id", method)
                                        .add("type", "Multikey")
                                        .add("controller", did)
                                        .add("publicKeyMultibase", publicKeyMultibase)))
                .add("authentication", Json.createArrayBuilder().add(method))
                .add("assertionMethod", Json.createArrayBuilder().add(method))
                .build());
    }

    static String pretty(JsonObject json) {
        var out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(
                        Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }

    /** The Ed25519 key pair of a 32-byte seed, derived by the JDK. */
    private static KeyPair keyPair(byte[] seed) {
        try {
            var generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A "random" source that yields one fixed seed, so the JDK derives the public key of that seed. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
