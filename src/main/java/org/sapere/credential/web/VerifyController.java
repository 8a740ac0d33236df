package org.sapere.credential.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sapere.credential.Credentials;
import org.sapere.credential.IssuedCredential;
import org.sapere.credential.Verification;
import org.sapere.credential.domain.CredentialFacts;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public verification pages: a credential by its link, checked afresh at every request (signature, issuer,
 * revocation), and "verify a credential file" for a JSON file anyone uploads or pastes.
 */
@Controller
class VerifyController {

    static final int MAX_FILE_BYTES = 256 * 1024;

    private final Credentials credentials;
    private final IdentityDirectory identity;

    VerifyController(Credentials credentials, IdentityDirectory identity) {
        this.credentials = credentials;
        this.identity = identity;
    }

    /** The page for one credential; 404 with a page that says so when there is no such credential. */
    @GetMapping("/verify/{id}")
    ModelAndView credential(@PathVariable String id) {
        var found = CredentialFilesController.Ids.parse(id).flatMap(credentials::find);
        if (found.isEmpty()) {
            var page = new ModelAndView("credential/unknown").addObject("id", id.length() > 60 ? "" : id);
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        var credential = found.get();
        var json = credentials.json(credential.id()).orElseThrow();
        var verification = credentials.verify(json);
        return new ModelAndView("credential/verify")
                .addObject("view", view(verification, CredentialFacts.of(json), credential));
    }

    @GetMapping("/verify")
    ModelAndView form() {
        return new ModelAndView("credential/check").addObject("text", "");
    }

    @PostMapping("/verify")
    ModelAndView check(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "json", defaultValue = "") String pasted) {
        String text;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_FILE_BYTES) {
                return refused("verify.upload.tooLarge", "");
            }
            try {
                text = new String(file.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return refused("verify.upload.unreadable", "");
            }
        } else if (!pasted.isBlank()) {
            if (pasted.length() > MAX_FILE_BYTES) {
                return refused("verify.upload.tooLarge", "");
            }
            text = pasted;
        } else {
            return refused("verify.upload.empty", "");
        }
        var verification = credentials.verify(text);
        var stored = Optional.ofNullable(verification.credentialId())
                .filter(i -> i.startsWith("urn:uuid:"))
                .flatMap(i -> CredentialFilesController.Ids.parse(i.substring("urn:uuid:".length())))
                .flatMap(credentials::find)
                .filter(c -> verification.valid() || verification.revoked());
        return new ModelAndView("credential/check")
                .addObject("text", file != null && !file.isEmpty() ? "" : pasted)
                .addObject("view", view(verification, CredentialFacts.of(text), stored.orElse(null)));
    }

    private ModelAndView refused(String problem, String text) {
        var page = new ModelAndView("credential/check").addObject("text", text).addObject("uploadProblem", problem);
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    private VerificationView view(
            Verification verification, CredentialFacts claims, @Nullable IssuedCredential credential) {
        Organisation organisation = credential == null
                ? null
                : identity.organisation(credential.organisation()).orElse(null);
        var hasLogo = organisation != null
                && identity.brand(organisation.id())
                        .map(b -> b.logoPng() != null)
                        .orElse(false);
        return new VerificationView(verification, claims, credential, organisation, hasLogo);
    }
}
