package org.sapere.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Credentials as Sapere issues them validate against the 1EdTech Open Badges 3.0 JSON schema for
 * {@code AchievementCredential}/{@code OpenBadgeCredential} (draft 2019-09, with format assertions on), kept in
 * {@code ../shared/specs/openbadges/}.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CredentialSchemaTests {

    static final Path SCHEMA =
            Path.of("..", "shared", "specs", "openbadges", "ob_v3p0_achievementcredential_schema.json");

    final ObjectMapper mapper = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Credentials credentials;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    static JsonSchema schema() throws Exception {
        Environment.require(
                "the Open Badges 3.0 JSON schema (" + SCHEMA + ")",
                Files.isRegularFile(SCHEMA),
                "Put the project's shared specification files in ../shared/specs (see ../shared/specs/README.md).");
        var config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                .getSchema(Files.readString(SCHEMA), config);
    }

    @Test
    void issuedCredentialsValidateAgainstTheOpenBadgesSchema() throws Exception {
        var schema = schema();
        var samples = new IssuedSamples(credentials, identity, courses, port);
        var errors = new java.util.TreeMap<String, List<String>>();
        for (var course : IssuedSamples.COURSES) {
            var json = samples.issued(course).json();

            var messages = schema.validate(mapper.readTree(json));

            if (!messages.isEmpty()) {
                errors.put(
                        course,
                        messages.stream().map(ValidationMessage::getMessage).toList());
            }
        }
        assertThat(errors).as("schema errors by course").isEmpty();
    }

    @Test
    void theSchemaRejectsACredentialThatLacksWhatOpenBadgesRequire() throws Exception {
        var schema = schema();
        var json = new IssuedSamples(credentials, identity, courses, port)
                .issued(IssuedSamples.COURSES.getFirst())
                .json();
        var broken = (ObjectNode) mapper.readTree(json);
        broken.remove("validFrom");
        ((ObjectNode) broken.get("credentialSubject")).remove("achievement");
        broken.put("type", "VerifiableCredential");

        var errors = schema.validate(broken);

        assertThat(errors)
                .extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("validFrom"))
                .anyMatch(m -> m.contains("achievement"))
                .anyMatch(m -> m.contains("type"));
    }
}
