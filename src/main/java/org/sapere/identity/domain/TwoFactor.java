package org.sapere.identity.domain;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.sapere.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) as a second factor. A code is accepted for the current step
 * and one step either side (clock drift), and only once: the last accepted step is stored. Organisation and
 * platform admins must have it.
 */
@Service
public class TwoFactor {

    static final int PERIOD_SECONDS = 30;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    TwoFactor(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The QR code an authenticator app scans, as a PNG data URI (allowed by the content security policy). */
    public String qrCode(String email, String secret) {
        var data = new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer("Sapere")
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build();
        try {
            var png = new ZxingPngQrGenerator().generate(data);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEnabled(UUID account) {
        return jdbc.sql("SELECT totp_enabled_at IS NOT NULL FROM identity.account WHERE id = :id")
                .param("id", account)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Admins of an organisation or of the platform must use a second factor. */
    public boolean isRequired(UUID account) {
        return jdbc.sql("""
                SELECT a.platform_admin OR EXISTS (SELECT 1 FROM identity.membership m
                                                   WHERE m.account_id = a.id AND m.role = :role)
                FROM identity.account a WHERE a.id = :id""")
                .param("id", account)
                .param("role", Role.ORGANISATION_ADMIN.name())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Turns the factor on once the person proves their app shows the right code for this secret. */
    @Transactional
    public boolean enable(UUID account, String secret, String code) {
        var step = matchingStep(secret, code);
        if (step < 0) {
            return false;
        }
        jdbc.sql("""
                UPDATE identity.account SET totp_secret = :secret, totp_enabled_at = now(), totp_last_step = :step
                WHERE id = :id""")
                .param("id", account)
                .param("secret", secret)
                .param("step", step)
                .update();
        audit.record("TWO_FACTOR_ENABLED", account, null, null, null);
        return true;
    }

    @Transactional
    public void disable(UUID account) {
        jdbc.sql("UPDATE identity.account SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = :id")
                .param("id", account)
                .update();
        audit.record("TWO_FACTOR_DISABLED", account, null, null, null);
    }

    /** Checks a sign-in code; a code already used (same step or older) is refused. */
    @Transactional
    public boolean verify(UUID account, String code) {
        var secret = jdbc.sql("SELECT totp_secret FROM identity.account WHERE id = :id AND totp_enabled_at IS NOT NULL")
                .param("id", account)
                .query(String.class)
                .optional();
        if (secret.isEmpty()) {
            return false;
        }
        var step = matchingStep(secret.get(), code);
        var accepted = step >= 0
                && jdbc.sql(
                                        "UPDATE identity.account SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                                .param("id", account)
                                .param("step", step)
                                .update()
                        == 1;
        audit.record(accepted ? "TWO_FACTOR_OK" : "TWO_FACTOR_FAILED", account, null, null, null);
        return accepted;
    }

    /** The code for a secret at this moment (for the demo banner and tests). */
    public String currentCode(String secret) {
        return code(secret, clock.millis() / 1000 / PERIOD_SECONDS);
    }

    private long matchingStep(String secret, String code) {
        var digits = code.replace(" ", "").strip();
        if (!digits.matches("\\d{6}")) {
            return -1;
        }
        var now = clock.millis() / 1000 / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return step;
            }
        }
        return -1;
    }

    private String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
