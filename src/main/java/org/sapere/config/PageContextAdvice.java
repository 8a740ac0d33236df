package org.sapere.config;

import jakarta.servlet.http.HttpServletRequest;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page template its {@link PageContext} as the model attribute {@code page}. */
@ControllerAdvice
class PageContextAdvice {

    private final MessageSource messages;

    PageContextAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("page")
    PageContext page(
            HttpServletRequest request, @AuthenticationPrincipal @org.jspecify.annotations.Nullable Object principal) {
        return pageFor(request, principal, messages);
    }

    static PageContext pageFor(
            HttpServletRequest request, @org.jspecify.annotations.Nullable Object principal, MessageSource messages) {
        var viewer = principal instanceof SignedInUser user
                ? new PageContext.Viewer(user.displayName(), user.platformAdmin())
                : null;
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var csrf = token == null ? null : new PageContext.Csrf(token::getParameterName, token::getToken);
        var path = (String) request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
        if (path == null) {
            path = request.getRequestURI();
        }
        var flash = RequestContextUtils.getInputFlashMap(request);
        var notice = flash == null ? null : (String) flash.get("notice");
        var problem = flash == null ? null : (String) flash.get("problem");
        return new PageContext(
                RequestContextUtils.getLocale(request),
                messages,
                viewer,
                csrf,
                path,
                request.getQueryString(),
                notice,
                problem);
    }
}
