package org.sapere.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as Spring Security holds them in the session. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId accountId;
    private final String email;
    private final String displayName;
    private final boolean platformAdmin;
    private final boolean enabled;
    private @Nullable String passwordHash;
    private final boolean deactivated;

    /** A person who may sign in once verified ({@code enabled}). */
    public SignedInUser(
            AccountId accountId,
            String email,
            String displayName,
            @Nullable String passwordHash,
            boolean platformAdmin,
            boolean enabled) {
        this(accountId, email, displayName, passwordHash, platformAdmin, enabled, false);
    }

    /**
     * @param enabled the address is confirmed
     * @param deactivated an admin deactivated the account (Spring Security's "locked")
     */
    public SignedInUser(
            AccountId accountId,
            String email,
            String displayName,
            @Nullable String passwordHash,
            boolean platformAdmin,
            boolean enabled,
            boolean deactivated) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.platformAdmin = platformAdmin;
        this.enabled = enabled;
        this.deactivated = deactivated;
    }

    public AccountId accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    /** The same person under a new display name (after they edit their profile). */
    public SignedInUser withDisplayName(String name) {
        return new SignedInUser(accountId, email, name, null, platformAdmin, enabled);
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_LEARNER"), new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_LEARNER"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !deactivated;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
