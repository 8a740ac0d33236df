package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sapere.support.NodeVerifier;

/**
 * Credentials signed by Sapere verify with code that shares nothing with its signing path: a verifier written in
 * Node.js on digitalbazaar's {@code jsonld} and {@code rdf-canonize} with Node's own Ed25519, and digitalbazaar's
 * {@code @digitalbazaar/vc} stack as a third party; a tampered copy fails in both.
 */
class IndependentVerificationTests {

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
    void anOpenBadgeSignedBySapereVerifiesWithBothVerifiers() throws Exception {
        var credential = SignedSamples.openBadge();

        var result = NodeVerifier.verify(credential, SignedSamples.openBadgeDocuments(), true, true);

        assertThat(result.ownVerified()).as(result.output()).isTrue();
        assertThat(result.thirdPartyVerified()).as(result.output()).isTrue();
        assertThat(result.thirdPartyErrors()).isEmpty();
        assertThat(result.allVerified()).isTrue();
        assertThat(result.canonicalDocument()).isEqualTo(SignedSamples.canonicalWithoutProof(credential));
    }

    @Test
    void aTamperedOpenBadgeFailsWithBothVerifiers() throws Exception {
        var credential = SignedSamples.openBadge();
        var tampered = new String[] {
            credential.replace("Introduction to Statistics\"", "Introduction to Statistiks\""),
            credential.replace("2025-03-01T10:15:30Z", "2025-03-01T10:15:39Z"),
            credential.replace("\"Test University\"", "\"Test Universitx\""),
            SignedSamples.changed(credential, credential.indexOf("\"proofValue\"") + 30),
        };
        for (var copy : tampered) {
            assertThat(copy).isNotEqualTo(credential);
            var result = NodeVerifier.verify(copy, SignedSamples.openBadgeDocuments(), true, true);

            assertThat(result.ownVerified()).as(result.output()).isFalse();
            assertThat(result.ownReason()).as(result.output()).isIn("bad-signature", "malformed-proof");
            assertThat(result.thirdPartyErrors()).as(result.output()).isNotEmpty();
            assertThat(result.thirdPartyVerified()).as(result.output()).isFalse();
            assertThat(result.exitCode()).isEqualTo(1);
        }
    }
}
