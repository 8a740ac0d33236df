package org.sapere.identity.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.sapere.identity.AccountId;
import org.sapere.identity.EmailVerificationRequested;
import org.sapere.identity.PasswordResetRequested;
import org.sapere.identity.RegistrationAttemptedForExistingAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service accounts: registering, verifying the address, and resetting a forgotten password. Mails are not
 * sent here: events tell the notification module what to send.
 */
@Service
public class AccountRegistration {

    static final Duration VERIFY_FOR = Duration.ofDays(3);
    static final Duration RESET_FOR = Duration.ofMinutes(30);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Memberships memberships;

    AccountRegistration(
            Memberships memberships,
            Accounts accounts,
            AccountTokens tokens,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
    }

    /** A problem with one field of a form: the field, a message key, and an argument for the message. */
    public record FieldError(String field, String key, Object argument) {}

    /**
     * Registers a new, unverified account and asks for the address to be confirmed. An address that already has
     * an account gets the same answer (its owner is told by mail instead), so the form cannot be used to probe.
     */
    @Transactional
    public List<FieldError> register(String email, String displayName, String password, Locale language, String ip) {
        var errors = new ArrayList<FieldError>();
        var address = email.strip();
        var name = displayName.strip();
        if (address.isEmpty()
                || address.length() > Account.MAX_EMAIL
                || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "register.email.invalid", Account.MAX_EMAIL));
        }
        if (name.isEmpty() || name.length() > Account.MAX_NAME) {
            errors.add(new FieldError("displayName", "register.name.invalid", Account.MAX_NAME));
        }
        policy.check(password, List.of(address, name), language)
                .forEach(refusal -> errors.add(new FieldError(
                        "password",
                        refusal.key(),
                        refusal.key().equals("password.tooGuessable") ? refusal.hint() : refusal.number())));
        if (!errors.isEmpty()) {
            return errors;
        }
        var existing = accounts.findByEmail(address);
        if (existing.isPresent()) {
            var a = existing.get();
            audit.record("REGISTER_EXISTING", a.id(), address, ip, null);
            events.publishEvent(new RegistrationAttemptedForExistingAccount(
                    new AccountId(a.id()), a.email(), a.displayName(), a.language()));
            return List.of();
        }
        var id = UUID.randomUUID();
        var lang = language.getLanguage();
        accounts.insert(new Account(id, address, name, encoder.encode(password), null, null, false, true, false, lang));
        audit.record("REGISTER", id, address, ip, null);
        requestVerification(id, address, name, lang);
        return List.of();
    }

    /** Confirms the address behind a verification link; false if the link is unknown, used or expired. */
    @Transactional
    public boolean verify(String token) {
        var account = tokens.consume(token, AccountTokens.Purpose.VERIFY_EMAIL);
        account.ifPresent(id -> {
            accounts.markVerified(id);
            audit.record("EMAIL_VERIFIED", id, null, null, null);
            accounts.findById(id).ifPresent(a -> memberships.acceptInvitations(id, a.email()));
        });
        return account.isPresent();
    }

    /** Sends a reset link if the address has an account; says nothing either way. */
    @Transactional
    public void requestPasswordReset(String email, String ip) {
        var address = email.strip();
        if (address.isEmpty() || address.length() > Account.MAX_EMAIL) {
            return;
        }
        accounts.findByEmail(address)
                .ifPresentOrElse(
                        a -> {
                            var token = tokens.issue(a.id(), AccountTokens.Purpose.RESET_PASSWORD, RESET_FOR);
                            audit.record("PASSWORD_RESET_REQUESTED", a.id(), address, ip, null);
                            events.publishEvent(new PasswordResetRequested(
                                    new AccountId(a.id()), a.email(), a.displayName(), a.language(), token));
                        },
                        () -> audit.record("PASSWORD_RESET_UNKNOWN", null, address, ip, null));
    }

    public boolean isResetTokenUsable(String token) {
        return tokens.isUsable(token, AccountTokens.Purpose.RESET_PASSWORD);
    }

    /**
     * Sets a new password with a reset link. The link is used up only when the password is accepted, and a
     * successful reset also confirms the address (the person just proved they read its mail).
     */
    @Transactional
    public List<FieldError> resetPassword(String token, String password, Locale language, String ip) {
        if (!tokens.isUsable(token, AccountTokens.Purpose.RESET_PASSWORD)) {
            return List.of(new FieldError("token", "reset.invalidLink", 0));
        }
        var errors = policy.check(password, List.of(), language).stream()
                .map(r -> new FieldError(
                        "password", r.key(), r.key().equals("password.tooGuessable") ? r.hint() : r.number()))
                .toList();
        if (!errors.isEmpty()) {
            return errors;
        }
        var account =
                tokens.consume(token, AccountTokens.Purpose.RESET_PASSWORD).orElseThrow();
        accounts.changePassword(account, encoder.encode(password));
        accounts.markVerified(account);
        audit.record("PASSWORD_RESET", account, null, ip, null);
        return List.of();
    }

    private void requestVerification(UUID id, String email, String name, String language) {
        var token = tokens.issue(id, AccountTokens.Purpose.VERIFY_EMAIL, VERIFY_FOR);
        events.publishEvent(new EmailVerificationRequested(new AccountId(id), email, name, language, token));
    }
}
