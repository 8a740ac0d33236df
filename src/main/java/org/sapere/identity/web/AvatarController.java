package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.Avatars;
import org.sapere.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's picture: upload (checked and redrawn), remove, and see it. */
@Controller
class AvatarController {

    private final Avatars avatars;

    AvatarController(Avatars avatars) {
        this.avatars = avatars;
    }

    @PostMapping("/account/avatar")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "avatar", required = false) @Nullable MultipartFile avatar,
            RedirectAttributes flash)
            throws IOException {
        String problem;
        if (avatar == null || avatar.isEmpty()) {
            problem = "avatar.missing";
        } else if (avatar.getSize() > Avatars.MAX_BYTES) {
            problem = "avatar.tooLarge";
        } else {
            problem = avatars.replace(user.accountId().value(), avatar.getBytes());
        }
        flash.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? "avatar.saved" : problem);
        return "redirect:/account#picture-title";
    }

    @PostMapping("/account/avatar/delete")
    String remove(@AuthenticationPrincipal SignedInUser user, RedirectAttributes flash) {
        avatars.remove(user.accountId().value());
        flash.addFlashAttribute("notice", "avatar.removed");
        return "redirect:/account#picture-title";
    }

    @GetMapping("/account/avatar")
    ResponseEntity<byte[]> show(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) {
        var avatar = avatars.of(user.accountId().value()).orElseThrow(() -> new NotFoundException("avatar"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag("\"" + avatar.updated().toEpochMilli() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(avatar.png());
    }
}
