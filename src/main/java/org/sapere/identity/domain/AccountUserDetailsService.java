package org.sapere.identity.domain;

import org.sapere.identity.AccountId;
import org.sapere.identity.SignedInUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in by e-mail address and password. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (email.length() > Account.MAX_EMAIL) {
            throw new UsernameNotFoundException("No such account");
        }
        return accounts.findByEmail(email)
                .map(a -> new SignedInUser(
                        new AccountId(a.id()),
                        a.email(),
                        a.displayName(),
                        a.passwordHash(),
                        a.platformAdmin(),
                        a.emailVerified(),
                        !a.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
