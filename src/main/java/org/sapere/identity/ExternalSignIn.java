package org.sapere.identity;

import java.util.ArrayList;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.domain.Account;
import org.sapere.identity.domain.Accounts;
import org.sapere.identity.domain.Alumni;
import org.sapere.identity.domain.AuditLog;
import org.sapere.identity.domain.Memberships;
import org.sapere.identity.domain.TwoFactor;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in people whom another system vouches for (a university's OpenID provider): find or create their
 * account, give roles the organisation maps to them, and finish with the same session a password sign-in gets,
 * second factor included. Every step is audited.
 */
@Service
public class ExternalSignIn {

    private final Accounts accounts;
    private final Memberships memberships;
    private final AuditLog audit;
    private final TwoFactor twoFactor;
    private final Alumni alumni;

    ExternalSignIn(Accounts accounts, Memberships memberships, AuditLog audit, TwoFactor twoFactor, Alumni alumni) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.alumni = alumni;
    }

    /**
     * An account as the external sign-in sees it.
     *
     * @param verified the address was confirmed
     * @param active not deactivated by an admin
     */
    public record ExternalAccount(
            AccountId id, String email, String displayName, boolean verified, boolean active, boolean platformAdmin) {}

    public Optional<ExternalAccount> account(AccountId id) {
        return accounts.findById(id.value()).map(ExternalSignIn::view);
    }

    public Optional<ExternalAccount> accountByEmail(String email) {
        if (email.isBlank() || email.length() > Account.MAX_EMAIL) {
            return Optional.empty();
        }
        return accounts.findByEmail(email).map(ExternalSignIn::view);
    }

    /**
     * Creates an account without a password for a person the other system vouches for; they sign in through it
     * (and can set a password later through "forgot password", which proves the mailbox). Roles waiting for the
     * address (invitations) are given only if the other system confirmed the address: otherwise it could claim
     * someone else's invitation.
     */
    @Transactional
    public AccountId register(
            String email,
            String displayName,
            String language,
            String via,
            @Nullable String ip,
            boolean addressConfirmed) {
        var name = displayName.strip().isEmpty() ? email.substring(0, email.indexOf('@')) : displayName.strip();
        if (name.length() > Account.MAX_NAME) {
            name = name.substring(0, Account.MAX_NAME);
        }
        var account =
                new Account(java.util.UUID.randomUUID(), email, name, null, null, null, false, true, true, language);
        accounts.insert(account);
        audit.record(
                "ACCOUNT_CREATED",
                account.id(),
                account.email(),
                ip,
                addressConfirmed ? via : via + "; address not confirmed by the provider");
        if (addressConfirmed) {
            memberships.acceptInvitations(account.id(), account.email());
        }
        return new AccountId(account.id());
    }

    /** Gives a role in an organisation unless the person holds it already; true if it was new. */
    @Transactional
    public boolean grant(AccountId account, OrganisationId organisation, Role role, String via) {
        if (accounts.hasMembership(account.value(), organisation.value(), role)) {
            return false;
        }
        accounts.addMembership(account.value(), organisation.value(), role);
        audit.record("ROLE_GRANTED", account.value(), null, null, role + " in " + organisation + " by " + via);
        return true;
    }

    /** Records that the organisation's own sign-in vouches for the person being one of its alumni. */
    public boolean confirmAlumnus(AccountId account, OrganisationId organisation, String email, String via) {
        return alumni.confirmThroughSingleSignOn(account.value(), organisation.value(), email, via);
    }

    /** Writes a line in the security log. */
    public void audit(
            String action,
            @Nullable AccountId account,
            @Nullable String email,
            @Nullable String ip,
            @Nullable String detail) {
        audit.record(action, account == null ? null : account.value(), email, ip, detail);
    }

    /**
     * The authentication of a session for this account, exactly as after the password: full authorities, or only
     * the {@link SignInStage} of a second factor still owed (to give, or for an admin to set up).
     *
     * @throws LockedException the account was deactivated (the same refusal as at the password form)
     * @throws DisabledException the address was never confirmed
     */
    public Authentication signIn(AccountId id, @Nullable String ip, String via) {
        var account = accounts.findById(id.value()).orElseThrow(() -> new DisabledException("No such account"));
        if (!account.enabled()) {
            audit.record("SIGN_IN_DEACTIVATED", account.id(), account.email(), ip, via);
            throw new LockedException("Deactivated");
        }
        if (!account.emailVerified()) {
            audit.record("SIGN_IN_UNVERIFIED", account.id(), account.email(), ip, via);
            throw new DisabledException("Unverified");
        }
        var user = new SignedInUser(
                id, account.email(), account.displayName(), null, account.platformAdmin(), true, false);
        var authorities = new ArrayList<GrantedAuthority>();
        String step = null;
        if (twoFactor.isEnabled(account.id())) {
            authorities.add(new SimpleGrantedAuthority(SignInStage.TWO_FACTOR_PENDING));
            step = "second factor pending";
        } else if (twoFactor.isRequired(account.id())) {
            authorities.add(new SimpleGrantedAuthority(SignInStage.TWO_FACTOR_SETUP));
            step = "second factor must be set up";
        } else {
            authorities.addAll(user.getAuthorities());
        }
        audit.record(
                step == null ? "SIGN_IN" : "SIGN_IN_EXTERNAL_OK",
                account.id(),
                account.email(),
                ip,
                step == null ? via : via + "; " + step);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private static ExternalAccount view(Account a) {
        return new ExternalAccount(
                new AccountId(a.id()), a.email(), a.displayName(), a.emailVerified(), a.enabled(), a.platformAdmin());
    }
}
