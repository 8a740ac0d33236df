package org.sapere.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sapere.identity.RecentSignIn;
import org.sapere.identity.SignInStage;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** After the password: the second-factor step if one is due, otherwise where the person was going. */
@Component
public class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        RecentSignIn.mark(request);
        if (has(authentication, SignInStage.TWO_FACTOR_PENDING)) {
            getRedirectStrategy().sendRedirect(request, response, "/login/two-factor");
        } else if (has(authentication, SignInStage.TWO_FACTOR_SETUP)) {
            getRedirectStrategy().sendRedirect(request, response, "/account/two-factor");
        } else {
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
