package org.sapere.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.sapere.credential.domain.Contexts;
import org.sapere.credential.domain.DataIntegrity;
import org.sapere.credential.domain.DataIntegrity.ProofOptions;
import org.sapere.credential.domain.Ed25519;

/**
 * The W3C vector's Alumni credential signed in the test with Sapere's {@link DataIntegrity}, the documents a
 * verifier needs to check it, and small helpers for credential JSON text.
 */
final class SignedSamples {

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

    /**
     * Where the first value of {@code key} starts in JSON text (after its opening quote for a string), plus
     * {@code offset}.
     */
    static int valueAt(String json, String key, int offset) {
        var matcher =
                java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*\"?").matcher(json);
        if (!matcher.find()) {
            throw new IllegalArgumentException("No " + key + " in " + json);
        }
        return matcher.end() + offset;
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
}
