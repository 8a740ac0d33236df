package org.sapere.identity.domain;

import java.time.Instant;
import java.util.List;
import org.sapere.identity.SignInStage;
import org.sapere.identity.SignInThrottledException;
import org.sapere.identity.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Password sign-in with the throttle in front of it and every outcome in the audit log. */
@Component
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final TwoFactor twoFactor;

    ThrottlingAuthenticationProvider(
            UserDetailsService users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            AuditLog audit,
            TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = String.valueOf(authentication.getName()).strip();
        var ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        var blocked = throttle.blockedUntil(email, ip, Instant.now());
        if (blocked.isPresent()) {
            audit.record("SIGN_IN_THROTTLED", null, email, ip, "until " + blocked.get());
            throw new SignInThrottledException(blocked.get());
        }
        try {
            var result = passwords.authenticate(authentication);
            var user = (SignedInUser) result.getPrincipal();
            throttle.clear(email);
            var id = user.accountId().value();
            if (twoFactor.isEnabled(id)) {
                audit.record("SIGN_IN_PASSWORD_OK", id, email, ip, "second factor pending");
                return UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(SignInStage.TWO_FACTOR_PENDING)));
            }
            if (twoFactor.isRequired(id)) {
                audit.record("SIGN_IN_PASSWORD_OK", id, email, ip, "second factor must be set up");
                return UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(SignInStage.TWO_FACTOR_SETUP)));
            }
            audit.record("SIGN_IN", id, email, ip, null);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email, ip);
            audit.record("SIGN_IN_FAILED", null, email, ip, null);
            throw e;
        } catch (DisabledException e) {
            audit.record("SIGN_IN_UNVERIFIED", null, email, ip, null);
            throw e;
        } catch (LockedException e) {
            audit.record("SIGN_IN_DEACTIVATED", null, email, ip, null);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
