package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.identity.IdentityDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An issued credential with any one character changed, anywhere but in the whitespace between JSON tokens (every
 * character of every key and string value, every digit, every bracket, comma and colon), no longer verifies with
 * Sapere's own verification; a copy that is no longer JSON counts as not valid.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TamperTests {

    @LocalServerPort
    int port;

    @Autowired
    Credentials credentials;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    /** Every position of the JSON text except whitespace outside strings. */
    static List<Integer> positions(String json) {
        var positions = new ArrayList<Integer>();
        var inString = false;
        var escaped = false;
        for (int i = 0; i < json.length(); i++) {
            var c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                positions.add(i);
            } else if (!Character.isWhitespace(c)) {
                if (c == '"') {
                    inString = true;
                }
                positions.add(i);
            }
        }
        return positions;
    }

    @Test
    void everyOneCharacterChangeMakesAnIssuedCredentialInvalid() {
        var json = new IssuedSamples(credentials, identity, courses, port)
                .issued(IssuedSamples.COURSES.getFirst())
                .json();
        assertThat(credentials.verify(json).valid()).isTrue();

        var positions = positions(json);
        var accepted = new ArrayList<String>();
        var reasons = new java.util.TreeMap<String, Integer>();
        var started = System.nanoTime();
        for (int position : positions) {
            var copy = SignedSamples.changed(json, position);
            var verification = credentials.verify(copy);
            reasons.merge(verification.reason(), 1, Integer::sum);
            if (verification.valid()) {
                accepted.add("position " + position + ": …"
                        + copy.substring(Math.max(0, position - 30), Math.min(copy.length(), position + 30)) + "…");
            }
        }
        System.out.printf(
                "TamperTests: %d one-character changes of %d characters checked in %d ms; reasons %s%n",
                positions.size(), json.length(), (System.nanoTime() - started) / 1_000_000, reasons);

        assertThat(positions.size()).isGreaterThan(json.length() / 2);
        assertThat(accepted).as("tampered copies that still verify").isEmpty();
        assertThat(credentials.verify(json).valid()).isTrue();
    }
}
