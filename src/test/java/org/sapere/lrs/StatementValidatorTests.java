package org.sapere.lrs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sapere.lrs.domain.Json;
import org.sapere.lrs.domain.StatementValidator;
import org.sapere.lrs.domain.XapiException;

/** The MUST / MUST NOT clauses of xAPI 1.0.3 Data section 2, one statement each. */
class StatementValidatorTests {

    private static final String ACTOR = "\"actor\":{\"mbox\":\"mailto:ada@example.org\"}";
    private static final String VERB = "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"}";
    private static final String OBJECT = "\"object\":{\"id\":\"http://example.org/activity\"}";

    private static void valid(String json) {
        assertThatCode(() -> StatementValidator.validate(Json.parse(json))).doesNotThrowAnyException();
    }

    private static void invalid(String json, String mentions) {
        assertThatThrownBy(() -> StatementValidator.validate(Json.parse(json)))
                .isInstanceOf(XapiException.class)
                .hasMessageContaining(mentions);
    }

    @Test
    void aMinimalStatementIsValid() {
        valid("{" + ACTOR + "," + VERB + "," + OBJECT + "}");
    }

    @Test
    void actorVerbAndObjectAreRequired() {
        invalid("{" + VERB + "," + OBJECT + "}", "actor");
        invalid("{" + ACTOR + "," + OBJECT + "}", "verb");
        invalid("{" + ACTOR + "," + VERB + "}", "object");
    }

    @Test
    void unknownPropertiesAreRefused() {
        invalid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"foo\":1}", "foo");
    }

    @Test
    void anMboxMustBeAMailtoIri() {
        invalid("{\"actor\":{\"mbox\":\"ada@example.org\"}," + VERB + "," + OBJECT + "}", "mbox");
    }

    @Test
    void anAgentHasExactlyOneIdentifier() {
        invalid(
                "{\"actor\":{\"mbox\":\"mailto:a@b.org\",\"openid\":\"http://openid.example.org/a\"}," + VERB + ","
                        + OBJECT + "}",
                "exactly one");
        invalid("{\"actor\":{\"name\":\"Ada\"}," + VERB + "," + OBJECT + "}", "exactly one");
    }

    @Test
    void anAnonymousGroupListsMembersWhichAreAgents() {
        invalid("{\"actor\":{\"objectType\":\"Group\"}," + VERB + "," + OBJECT + "}", "members");
        valid("{\"actor\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@b.org\"}]}," + VERB + "," + OBJECT
                + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an iri", "example.org/verb", ""})
    void aVerbIdMustBeAnIri(String id) {
        invalid("{" + ACTOR + ",\"verb\":{\"id\":\"" + id + "\"}," + OBJECT + "}", "verb.id");
    }

    @Test
    void languageMapKeysAreLanguageTags() {
        invalid(
                "{" + ACTOR + ",\"verb\":{\"id\":\"http://x.org/v\",\"display\":{\"not a tag\":\"x\"}}," + OBJECT + "}",
                "language tag");
    }

    @Test
    void anIdIsAUuid() {
        invalid("{\"id\":\"123\"," + ACTOR + "," + VERB + "," + OBJECT + "}", "UUID");
    }

    @Test
    void aTimestampHasATimeZoneAndNotMinusZero() {
        invalid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"timestamp\":\"2026-01-01T10:00:00\"}", "timestamp");
        invalid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"timestamp\":\"2026-01-01T10:00:00-00:00\"}", "-00:00");
        valid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"timestamp\":\"2026-01-01T10:00:00.123+02:00\"}");
    }

    @Test
    void aScaledScoreIsBetweenMinusOneAndOne() {
        invalid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"score\":{\"scaled\":1.5}}}", "scaled");
        invalid(
                "{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"score\":{\"raw\":11,\"min\":0,\"max\":10}}}",
                "raw");
    }

    @Test
    void aDurationIsIso8601() {
        invalid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"duration\":\"1 hour\"}}", "duration");
        valid("{" + ACTOR + "," + VERB + "," + OBJECT + ",\"result\":{\"duration\":\"PT1H30M\"}}");
    }

    @Test
    void revisionAndPlatformOnlyWithAnActivityObject() {
        invalid(
                "{" + ACTOR + "," + VERB + ",\"object\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:b@c.org\"},"
                        + "\"context\":{\"platform\":\"x\"}}",
                "platform");
    }

    @Test
    void aSubStatementCannotNestOrCarryAnId() {
        var sub = "{\"objectType\":\"SubStatement\"," + ACTOR + "," + VERB + "," + OBJECT + "}";
        valid("{" + ACTOR + "," + VERB + ",\"object\":" + sub + "}");
        invalid(
                "{" + ACTOR + "," + VERB + ",\"object\":{\"objectType\":\"SubStatement\"," + ACTOR + "," + VERB
                        + ",\"id\":\"x\"," + OBJECT + "}}",
                "id");
        invalid(
                "{" + ACTOR + "," + VERB + ",\"object\":{\"objectType\":\"SubStatement\"," + ACTOR + "," + VERB
                        + ",\"object\":" + sub + "}}",
                "sub-statement");
    }

    @Test
    void aVoidingStatementTargetsAStatementRef() {
        invalid(
                "{" + ACTOR + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"}," + OBJECT + "}",
                "StatementRef");
    }

    @Test
    void duplicateKeysAndDeepNestingAreNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).isInstanceOf(XapiException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(200) + "]".repeat(200))).isInstanceOf(XapiException.class);
    }
}
