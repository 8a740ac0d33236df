package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sapere.credential.domain.Contexts;
import org.sapere.credential.domain.DataIntegrity;
import org.sapere.credential.domain.DataIntegrity.ProofOptions;
import org.sapere.credential.domain.Ed25519;
import org.sapere.credential.domain.Multibase;

/**
 * Sapere's signing path reproduces, byte for byte, the {@code eddsa-rdfc-2022} test vectors of the W3C
 * Recommendation "Data Integrity EdDSA Cryptosuites v1.0", Appendix A.1 (the "Alumni Credential" example; the
 * same values as the Working Group's {@code TestVectors/eddsa-rdfc-2022/*DataInt*} files). The values below are
 * the specification's published test data.
 */
class EddsaRdfc2022VectorTests {

    static final String PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    static final String SECRET_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    static final String METHOD = "did:key:" + PUBLIC_KEY + "#" + PUBLIC_KEY;

    /** The examples context as the VC 2.0 specification publishes it: every term in the examples vocabulary. */
    static final String EXAMPLES_CONTEXT_URL = "https://www.w3.org/ns/credentials/examples/v2";

    static final String EXAMPLES_CONTEXT =
            "{\"@context\": {\"@vocab\": \"https://www.w3.org/ns/credentials/examples#\"}}";

    static final String UNSIGNED = """
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
              "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
              "type": ["VerifiableCredential", "AlumniCredential"],
              "name": "Alumni Credential",
              "description": "A minimum viable example of an Alumni Credential.",
              "issuer": "https://vc.example/issuers/5678",
              "validFrom": "2023-01-01T00:00:00Z",
              "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
            }""";

    static final String CANONICAL_DOCUMENT = """
            <did:example:abcdefgh> <https://www.w3.org/ns/credentials/examples#alumniOf> "The School of Examples" .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
            <https://www.w3.org/2018/credentials#VerifiableCredential> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
            <https://www.w3.org/ns/credentials/examples#AlumniCredential> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/description> \
            "A minimum viable example of an Alumni Credential." .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/name> "Alumni Credential" .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#credentialSubject> \
            <did:example:abcdefgh> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#issuer> \
            <https://vc.example/issuers/5678> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#validFrom> \
            "2023-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            """;

    static final String CANONICAL_PROOF = """
            _:c14n0 <http://purl.org/dc/terms/created> \
            "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .
            _:c14n0 <https://w3id.org/security#cryptosuite> \
            "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
            _:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .
            _:c14n0 <https://w3id.org/security#verificationMethod> \
            <did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .
            """;

    static final String DOCUMENT_HASH = "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017";
    static final String PROOF_HASH = "bea7b7acfbad0126b135104024a5f1733e705108f42d59668b05c0c50004c6b0";
    static final String SIGNATURE_HEX = "4d8e53c2d5b3f2a7891753eb16ca993325bdb0d3cfc5be1093d0a18426f5ef85"
            + "78cadc0fd4b5f4dd0d1ce0aefd15ab120b7a894d0eb094ffda4e6553cd1ed50d";
    static final String PROOF_VALUE =
            "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme";

    final DataIntegrity integrity = new DataIntegrity(new Contexts(Map.of(EXAMPLES_CONTEXT_URL, EXAMPLES_CONTEXT)));
    final ProofOptions options = new ProofOptions(Instant.parse("2023-02-24T23:36:38Z"), METHOD, "assertionMethod");

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theKeyPairIsTheSpecificationsOne() {
        var secret = Ed25519.secretFromMultibase(SECRET_KEY);
        var signature = Ed25519.sign(secret, new byte[] {1, 2, 3});
        var publicKey = Ed25519.fromMultibase(PUBLIC_KEY);
        assertThat(Ed25519.verify(publicKey, new byte[] {1, 2, 3}, signature)).isTrue();
        assertThat(Ed25519.multibase(publicKey)).isEqualTo(PUBLIC_KEY);
    }

    @Test
    void theCanonicalFormsAndHashesAreTheSpecificationsByteForByte() throws Exception {
        var unsigned = json(UNSIGNED);
        var configuration = integrity.proofConfiguration(unsigned, options);

        assertThat(integrity.canonicalize(unsigned)).isEqualTo(CANONICAL_DOCUMENT);
        assertThat(integrity.canonicalize(configuration)).isEqualTo(CANONICAL_PROOF);
        assertThat(HexFormat.of().formatHex(DataIntegrity.sha256(CANONICAL_DOCUMENT)))
                .isEqualTo(DOCUMENT_HASH);
        assertThat(HexFormat.of().formatHex(integrity.hashData(unsigned, configuration)))
                .isEqualTo(PROOF_HASH + DOCUMENT_HASH);
    }

    @Test
    void theSignatureAndProofValueAreTheSpecificationsByteForByte() throws Exception {
        var signed = integrity.sign(json(UNSIGNED), options, Ed25519.secretFromMultibase(SECRET_KEY));
        var proof = signed.getJsonObject("proof");

        assertThat(proof.getString("proofValue")).isEqualTo(PROOF_VALUE);
        assertThat(HexFormat.of().formatHex(Multibase.decode(proof.getString("proofValue"))))
                .isEqualTo(SIGNATURE_HEX);
        assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
        assertThat(proof.getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.containsKey("@context")).isFalse();
    }

    @Test
    void theSpecificationsSignedCredentialVerifiesAndAChangedOneDoesNot() throws Exception {
        var signed = integrity.sign(json(UNSIGNED), options, Ed25519.secretFromMultibase(SECRET_KEY));
        var keys = (java.util.function.Function<String, Optional<java.security.PublicKey>>)
                method -> method.equals(METHOD) ? Optional.of(Ed25519.fromMultibase(PUBLIC_KEY)) : Optional.empty();

        assertThat(integrity.verify(signed, keys).valid()).isTrue();
        var changed = Json.createObjectBuilder(signed)
                .add("name", "Alumni Credentiak")
                .build();
        assertThat(integrity.verify(changed, keys).reason()).isEqualTo("bad-signature");
    }
}
