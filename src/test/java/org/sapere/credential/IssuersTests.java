package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sapere.credential.domain.Issuers;
import org.springframework.mock.env.MockEnvironment;

/** Issuer ids follow did:web: the host (a port encoded as %3A), a path as colons, then the university. */
class IssuersTests {

    static Issuers at(String baseUrl) throws Exception {
        var constructor = Issuers.class.getDeclaredConstructor(org.springframework.core.env.Environment.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new MockEnvironment()
                .withProperty("sapere.base-url", baseUrl)
                .withProperty("local.server.port", "8080"));
    }

    @Test
    void aHostAPortAndAPathBecomeADidWebIdThatReadsBack() throws Exception {
        assertThat(at("https://learn.polimi.it").did("polimi"))
                .isEqualTo("did:web:learn.polimi.it:organisations:polimi");
        assertThat(at("http://localhost:8080/").did("polimi"))
                .isEqualTo("did:web:localhost%3A8080:organisations:polimi");
        var method = at("https://uni.example/sapere/").verificationMethod("tudelft", 3);
        assertThat(method).isEqualTo("did:web:uni.example:sapere:organisations:tudelft#key-3");
        assertThat(Issuers.parse(method)).contains(new Issuers.KeyReference("tudelft", 3));
        assertThat(Issuers.controller(method)).isEqualTo("did:web:uni.example:sapere:organisations:tudelft");
        assertThat(Issuers.parse("did:key:z6Mk#z6Mk")).isEqualTo(Optional.empty());
        assertThat(Issuers.parse("did:web:evil.example:organisations:polimi#key-x"))
                .isEmpty();
    }
}
