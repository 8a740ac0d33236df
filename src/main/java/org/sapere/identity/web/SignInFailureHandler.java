package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.sapere.identity.SignInThrottledException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Sends a failed sign-in back to the form with the reason a person can act on (and, if throttled, how long). */
@Component
public class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String target;
        if (exception instanceof SignInThrottledException throttled) {
            var seconds = Math.max(
                    1, Duration.between(Instant.now(), throttled.retryAt()).toSeconds());
            target = "/login?error=throttled&wait=" + seconds;
        } else if (exception instanceof LockedException) {
            target = "/login?error=deactivated";
        } else if (exception instanceof DisabledException) {
            target = "/login?error=unverified";
        } else {
            target = "/login?error";
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
