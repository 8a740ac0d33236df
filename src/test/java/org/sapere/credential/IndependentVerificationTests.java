package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.credential.domain.DataIntegrity;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.NodeVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Credentials signed by Sapere verify with code that shares nothing with its signing path: a verifier written in
 * Node.js on digitalbazaar's {@code jsonld} and {@code rdf-canonize} with Node's own Ed25519, and digitalbazaar's
 * {@code @digitalbazaar/vc} stack as a third party; a tampered copy fails in both (Sapere's own verification of
 * tampered copies is {@link TamperTests}).
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndependentVerificationTests {

    @LocalServerPort
    int port;

    @Autowired
    Credentials credentials;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    DataIntegrity integrity;

    IssuedSamples samples() {
        return new IssuedSamples(credentials, identity, courses, port);
    }

    @Test
    void theSpecificationsSignedCredentialVerifiesAndCanonicalisesToTheSpecificationsNQuads() throws Exception {
        var result =
                NodeVerifier.verify(SignedSamples.vectorCredential(), SignedSamples.vectorDocuments(), false, true);

        assertThat(result.ownVerified()).as(result.output()).isTrue();
        assertThat(result.thirdPartyRan()).isTrue();
        assertThat(result.thirdPartyVerified()).as(result.output()).isTrue();
        assertThat(result.allVerified()).isTrue();
        assertThat(result.canonicalDocument()).isEqualTo(EddsaRdfc2022VectorTests.CANONICAL_DOCUMENT);
        assertThat(result.canonicalProof()).isEqualTo(EddsaRdfc2022VectorTests.CANONICAL_PROOF);
    }

    @Test
    void issuedCredentialsVerifyWithBothVerifiersAndCanonicaliseAlikeInJavaAndNode() throws Exception {
        for (var course : IssuedSamples.COURSES) {
            var issued = samples().issued(course);

            var result = NodeVerifier.verify(issued.json(), issued.documents(), true, true);

            assertThat(result.ownVerified()).as(course + ": " + result.output()).isTrue();
            assertThat(result.thirdPartyVerified())
                    .as(course + ": " + result.output())
                    .isTrue();
            assertThat(result.thirdPartyErrors()).isEmpty();
            assertThat(result.thirdPartySkipped()).singleElement().asString().startsWith("credentialStatus");
            assertThat(result.allVerified()).isTrue();
            var document = Json.createReader(new StringReader(issued.json())).readObject();
            assertThat(result.canonicalDocument())
                    .as(course)
                    .isEqualTo(integrity.canonicalize(
                            Json.createObjectBuilder(document).remove("proof").build()));
            assertThat(credentials.verify(issued.json()).valid()).isTrue();
        }
    }

    @Test
    void aTamperedIssuedCredentialFailsWithBothVerifiers() throws Exception {
        var issued = samples().issued(IssuedSamples.COURSES.getFirst());
        var json = issued.json();
        var tampered = new String[] {
            json.replaceFirst("\"name\": \"(.)", "\"name\": \"X$1"),
            SignedSamples.changed(json, SignedSamples.valueAt(json, "validFrom", 18)),
            SignedSamples.changed(json, SignedSamples.valueAt(json, "identityHash", 0)),
            SignedSamples.changed(json, SignedSamples.valueAt(json, "creditsAvailable", 0)),
            SignedSamples.changed(json, SignedSamples.valueAt(json, "statusListIndex", 0)),
            SignedSamples.changed(json, SignedSamples.valueAt(json, "proofValue", 40)),
            // A renamed key, and a type that is not in the vocabulary, in the issuer's Profile (which the
            // credential repeats as the achievement's creator): JSON-LD expansion drops them, so only a verifier in
            // JSON-LD "safe mode" notices.
            json.replaceFirst("\"url\":", "\"vrl\":"),
            json.replaceFirst("\"Profile\"", "\"Qrofile\""),
        };
        for (var copy : tampered) {
            assertThat(copy).isNotEqualTo(json);
            var result = NodeVerifier.verify(copy, issued.documents(), true, true);

            assertThat(result.ownVerified()).as(result.output()).isFalse();
            assertThat(result.ownReason()).as(result.output()).isIn("bad-signature", "malformed-proof", "not-json-ld");
            assertThat(result.thirdPartyVerified()).as(result.output()).isFalse();
            assertThat(result.thirdPartyErrors()).as(result.output()).isNotEmpty();
            assertThat(result.exitCode()).isEqualTo(1);
        }
    }
}
