package org.sapere.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sapere.identity.domain.PasswordPolicy;
import org.sapere.identity.domain.PasswordPolicy.Refusal;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void fifteenCharactersAtLeastWithoutCompositionRules() {
        assertThat(policy.check("short", List.of(), Locale.ENGLISH))
                .extracting(Refusal::key)
                .containsExactly("password.tooShort");
        assertThat(policy.check("violet lantern harbour seventeen", List.of(), Locale.ENGLISH))
                .isEmpty();
    }

    @Test
    void commonAndPersonalPasswordsAreRefusedWithAReason() {
        assertThat(policy.check("password1234567", List.of(), Locale.ENGLISH))
                .extracting(Refusal::key)
                .containsExactly("password.tooGuessable");
        assertThat(policy.check("ada.lovelace@example.net", List.of("ada.lovelace@example.net"), Locale.ENGLISH))
                .extracting(Refusal::key)
                .containsExactly("password.tooGuessable");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.check("ünïcödé-wörd-ß", List.of(), Locale.GERMAN))
                .extracting(Refusal::key)
                .containsExactly("password.tooShort");
    }
}
