package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.sapere.identity.RecentSignIn;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.Passkeys;
import org.sapere.identity.domain.Passkeys.PasskeyException;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding, listing and removing passkeys on the account, and signing in with one. The browser side is
 * {@code /js/passkeys.js}: it asks for options, hands them to {@code navigator.credentials}, and posts the result
 * back as JSON (with the CSRF token in a header). Errors come back as JSON with a message in the person's language.
 */
@Controller
class PasskeyController {

    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION =
            new TypeReference<>() {};

    private final Passkeys passkeys;
    private final MessageSource messages;
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private final HttpSessionPublicKeyCredentialCreationOptionsRepository creations =
            new HttpSessionPublicKeyCredentialCreationOptionsRepository();
    private final HttpSessionPublicKeyCredentialRequestOptionsRepository requests =
            new HttpSessionPublicKeyCredentialRequestOptionsRepository();

    PasskeyController(Passkeys passkeys, MessageSource messages) {
        this.passkeys = passkeys;
        this.messages = messages;
    }

    @GetMapping("/account/passkeys")
    ModelAndView list(@AuthenticationPrincipal SignedInUser user) {
        return new ModelAndView("identity/passkeys")
                .addObject("passkeys", passkeys.of(user.accountId().value()));
    }

    @PostMapping(value = "/account/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> registrationOptions(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var options = passkeys.startRegistration(authentication);
        creations.save(request, response, options);
        return ResponseEntity.ok(json.writeValueAsString(options));
    }

    @PostMapping(value = "/account/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> register(
            @AuthenticationPrincipal SignedInUser user,
            @RequestBody(required = false) String body,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var options = creations.load(request);
        if (options == null) {
            return problem(400, "passkeys.expired", locale);
        }
        RelyingPartyPublicKey key;
        try {
            key = json.readValue(body == null ? "" : body, RelyingPartyPublicKey.class);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return problem(400, "passkeys.refused", locale);
        }
        if (key == null || key.getCredential() == null) {
            return problem(400, "passkeys.refused", locale);
        }
        creations.save(request, response, null);
        try {
            passkeys.finishRegistration(user.accountId().value(), user.getUsername(), options, key);
        } catch (PasskeyException refused) {
            return problem(400, refused.key(), locale);
        }
        RequestContextUtils.getOutputFlashMap(request).put("notice", "passkeys.addedNotice");
        RequestContextUtils.saveOutputFlashMap("/account/passkeys", request, response);
        return ResponseEntity.ok(json.writeValueAsString(Map.of("redirect", "/account/passkeys")));
    }

    @PostMapping("/account/passkeys/{id}/delete")
    ModelAndView remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, RedirectAttributes flash) {
        var removed = passkeys.remove(user.accountId().value(), user.getUsername(), id);
        flash.addFlashAttribute("notice", removed ? "passkeys.removed" : "passkeys.notFound");
        return new ModelAndView("redirect:/account/passkeys");
    }

    @PostMapping(value = "/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> signInOptions(HttpServletRequest request, HttpServletResponse response) {
        var options = passkeys.startSignIn();
        requests.save(request, response, options);
        return ResponseEntity.ok(json.writeValueAsString(options));
    }

    @PostMapping(value = "/login/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> signIn(
            @RequestBody(required = false) String body,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var options = requests.load(request);
        if (options == null) {
            return problem(400, "passkeys.expired", locale);
        }
        requests.save(request, response, null);
        PublicKeyCredential<AuthenticatorAssertionResponse> credential;
        try {
            credential = json.readValue(body == null ? "" : body, ASSERTION);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return problem(400, "passkeys.signInFailed", locale);
        }
        if (credential == null || credential.getResponse() == null) {
            return problem(400, "passkeys.signInFailed", locale);
        }
        SignedInUser user;
        try {
            user = passkeys.finishSignIn(options, credential, request.getRemoteAddr());
        } catch (LockedException deactivated) {
            return problem(401, "login.deactivated", locale);
        } catch (DisabledException unverified) {
            return problem(401, "login.unverified", locale);
        } catch (AuthenticationException refused) {
            return problem(401, "passkeys.signInFailed", locale);
        }
        // As after a password: a new session id, a new CSRF token, and on to where the person was going.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
        RecentSignIn.mark(request);
        var saved = new HttpSessionRequestCache().getRequest(request, response);
        var target = saved == null ? "/learn" : saved.getRedirectUrl();
        return ResponseEntity.ok(json.writeValueAsString(Map.of("redirect", target)));
    }

    private ResponseEntity<String> problem(int status, String key, Locale locale) {
        var message = messages.getMessage(key, null, key, locale);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("message", message)));
    }
}
