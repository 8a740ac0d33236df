package org.sapere.identity.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.SignedInUser;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;

/**
 * Passkeys (WebAuthn) as a way to sign in that anyone can add. Spring Security's relying-party operations (on
 * webauthn4j) make the challenges and verify what the authenticator returns; this class keeps them in Sapere's own
 * tables, ties them to accounts and writes every outcome to the audit log.
 *
 * <p>User verification (a PIN, a fingerprint, a face) is required, so a passkey is on its own a multi-factor
 * authenticator: signing in with one needs no TOTP code, also for admins. The relying-party id is the host of
 * {@code sapere.base-url} ({@code localhost} by default), and the only accepted origin is that address.
 */
@Service
public class Passkeys {

    /** One of a person's passkeys as their page shows it ({@code id} is the credential id, base64url). */
    public record Passkey(String id, String label, Instant created, Instant lastUsed, boolean synced) {}

    /** Why a passkey could not be added or used; {@code key} is a message key. */
    public static final class PasskeyException extends RuntimeException {
        private final String key;

        PasskeyException(String key, @Nullable Throwable cause) {
            super(key, cause);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final PasskeyStore store;
    private final AuditLog audit;
    private final UserDetailsService users;
    private final Environment environment;
    private volatile @Nullable WebAuthnRelyingPartyOperations operations;

    Passkeys(PasskeyStore store, AuditLog audit, UserDetailsService users, Environment environment) {
        this.store = store;
        this.audit = audit;
        this.users = users;
        this.environment = environment;
    }

    public List<Passkey> of(UUID account) {
        return store.listFor(account);
    }

    /** The challenge and parameters for adding a passkey to the signed-in person's account. */
    public PublicKeyCredentialCreationOptions startRegistration(Authentication signedIn) {
        return operations()
                .createPublicKeyCredentialCreationOptions(
                        new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
    }

    /** Verifies what the authenticator made for these options and keeps the new passkey. */
    public void finishRegistration(
            UUID account,
            @Nullable String email,
            PublicKeyCredentialCreationOptions options,
            RelyingPartyPublicKey key) {
        if (!account.equals(store.accountOf(options.getUser().getId()))) {
            throw new PasskeyException("passkeys.expired", null);
        }
        try {
            var record = operations()
                    .registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                            options,
                            new RelyingPartyPublicKey(key.getCredential(), PasskeyStore.label(key.getLabel()))));
            audit.record("PASSKEY_ADDED", account, email, null, record.getLabel());
        } catch (RuntimeException refused) {
            audit.record("PASSKEY_REFUSED", account, email, null, String.valueOf(refused.getMessage()));
            throw new PasskeyException("passkeys.refused", refused);
        }
    }

    public boolean remove(UUID account, @Nullable String email, String credentialId) {
        byte[] id;
        try {
            id = Base64.getUrlDecoder().decode(credentialId);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        var removed = store.removeOwn(account, id);
        if (removed) {
            audit.record("PASSKEY_REMOVED", account, email, null, null);
        }
        return removed;
    }

    /** A challenge for signing in with any passkey of this site (the browser lets the person choose one). */
    public PublicKeyCredentialRequestOptions startSignIn() {
        return operations().createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(null));
    }

    /**
     * Verifies the signed challenge and returns the person it belongs to, fully signed in.
     *
     * @throws BadCredentialsException the passkey is unknown or its signature does not verify
     * @throws LockedException an admin deactivated the account
     * @throws DisabledException the address was never confirmed
     */
    public SignedInUser finishSignIn(
            PublicKeyCredentialRequestOptions options,
            PublicKeyCredential<AuthenticatorAssertionResponse> credential,
            @Nullable String ip) {
        String email;
        try {
            email = operations()
                    .authenticate(new RelyingPartyAuthenticationRequest(options, credential))
                    .getName();
        } catch (RuntimeException refused) {
            audit.record("SIGN_IN_PASSKEY_FAILED", null, null, ip, String.valueOf(refused.getMessage()));
            throw new BadCredentialsException("passkey refused", refused);
        }
        SignedInUser user;
        try {
            user = (SignedInUser) users.loadUserByUsername(email);
        } catch (UsernameNotFoundException gone) {
            audit.record("SIGN_IN_PASSKEY_FAILED", null, email, ip, "no account");
            throw new BadCredentialsException("no account", gone);
        }
        var id = user.accountId().value();
        if (!user.isAccountNonLocked()) {
            audit.record("SIGN_IN_DEACTIVATED", id, email, ip, "passkey");
            throw new LockedException("deactivated");
        }
        if (!user.isEnabled()) {
            audit.record("SIGN_IN_UNVERIFIED", id, email, ip, "passkey");
            throw new DisabledException("unverified");
        }
        audit.record("SIGN_IN", id, email, ip, "passkey");
        user.eraseCredentials();
        return user;
    }

    private WebAuthnRelyingPartyOperations operations() {
        var current = operations;
        if (current == null) {
            synchronized (this) {
                current = operations;
                if (current == null) {
                    current = build();
                    operations = current;
                }
            }
        }
        return current;
    }

    /** Built on first use, when the server's port is known (it is the origin in the default run and in tests). */
    private WebAuthnRelyingPartyOperations build() {
        var configured = environment.getProperty("sapere.base-url", "");
        var base = URI.create(
                configured.isBlank()
                        ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                        : configured.strip());
        var origin = base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
        var rp = PublicKeyCredentialRpEntity.builder()
                .id(base.getHost())
                .name("Sapere")
                .build();
        var built = new Webauthn4JRelyingPartyOperations(store, store, rp, Set.of(origin));
        built.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build()));
        built.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return built;
    }
}
