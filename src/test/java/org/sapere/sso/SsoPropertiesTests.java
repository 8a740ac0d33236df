package org.sapere.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sapere.identity.Role;
import org.sapere.sso.domain.SsoProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A provider set by environment variables, as the README spells them, binds with the documented defaults. */
class SsoPropertiesTests {

    @Test
    void environmentVariablesAsTheReadmeSpellsThem() {
        var environment = new SystemEnvironmentPropertySource(
                "systemEnvironment",
                Map.of(
                        "SAPERE_SSO_PROVIDERS_TUDELFT_ISSUERURI", "https://login.tudelft.example",
                        "SAPERE_SSO_PROVIDERS_TUDELFT_CLIENTID", "sapere",
                        "SAPERE_SSO_PROVIDERS_TUDELFT_CLIENTSECRET", "s3cret",
                        "SAPERE_SSO_PROVIDERS_TUDELFT_GRANTS_FACULTY", "PROFESSOR,SUPERVISOR",
                        "SAPERE_SSO_ENCRYPTIONKEY", "k"));
        var bound = new Binder(ConfigurationPropertySources.from(environment))
                .bind("sapere.sso", SsoProperties.class)
                .get();
        var tudelft = bound.providers().get("tudelft");
        assertThat(bound.encryptionKey()).isEqualTo("k");
        assertThat(tudelft.issuerUri()).isEqualTo("https://login.tudelft.example");
        assertThat(tudelft.clientId()).isEqualTo("sapere");
        assertThat(tudelft.clientSecret()).isEqualTo("s3cret");
        assertThat(tudelft.grants()).containsEntry("faculty", List.of(Role.PROFESSOR, Role.SUPERVISOR));
        assertThat(tudelft.scopes()).containsExactly("openid", "profile", "email");
        assertThat(tudelft.emailClaim()).isEqualTo("email");
        assertThat(tudelft.affiliationClaim()).isEqualTo("eduperson_affiliation");
        assertThat(tudelft.enabled()).isTrue();
        assertThat(tudelft.trustEmail()).isFalse();
    }

    @Test
    void scopedAffiliationsAsMapKeysInBrackets() {
        var properties = new MapPropertySource(
                "props",
                Map.of(
                        "sapere.sso.providers.tudelft.issuer-uri", "https://login.tudelft.example",
                        "sapere.sso.providers.tudelft.grants[staff@tudelft.nl]", "SUPERVISOR"));
        var bound = new Binder(ConfigurationPropertySources.from(properties))
                .bind("sapere.sso", SsoProperties.class)
                .get();
        assertThat(bound.providers().get("tudelft").grants())
                .containsEntry("staff@tudelft.nl", List.of(Role.SUPERVISOR));
    }
}
