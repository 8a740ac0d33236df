package org.sapere.lrs.web;

import java.util.UUID;
import org.sapere.lrs.LrsClientId;
import org.sapere.lrs.domain.Clients;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform admins create, list and revoke the credentials of the record store's clients. */
@Controller
class CredentialsController {

    static final int MAX_NAME = 200;

    private final Clients clients;

    CredentialsController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/admin/lrs")
    ModelAndView list() {
        return page(null, null);
    }

    @PostMapping("/admin/lrs")
    ModelAndView create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean canRead,
            @RequestParam(defaultValue = "false") boolean canWrite) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            return page(null, "lrs.admin.nameInvalid").addObject("name", trimmed);
        }
        if (!canRead && !canWrite) {
            return page(null, "lrs.admin.scopeRequired").addObject("name", trimmed);
        }
        // The secret is shown on this page once; only its hash is stored.
        return page(clients.create(trimmed, canRead, canWrite), null);
    }

    @PostMapping("/admin/lrs/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes flash) {
        clients.revoke(new LrsClientId(id));
        flash.addFlashAttribute("notice", "lrs.admin.revoked");
        return "redirect:/admin/lrs";
    }

    private ModelAndView page(org.sapere.lrs.@org.jspecify.annotations.Nullable IssuedCredential issued, String error) {
        return new ModelAndView("lrs/credentials")
                .addObject("clients", clients.all())
                .addObject("issued", issued)
                .addObject("error", error)
                .addObject("name", "");
    }
}
