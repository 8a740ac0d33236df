package org.sapere.identity.web;

import java.util.UUID;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform admins find accounts and deactivate or reactivate them; a deactivated account cannot sign in. */
@Controller
class AccountsAdminController {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AccountsAdminController(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping("/admin/accounts")
    ModelAndView search(@RequestParam(defaultValue = "") String q) {
        var query = q.strip().length() > 254 ? q.strip().substring(0, 254) : q.strip();
        var rows = query.isEmpty()
                ? java.util.List.<AccountRow>of()
                : jdbc.sql("""
                        SELECT id, email, display_name, enabled, email_verified_at IS NOT NULL AS verified
                        FROM identity.account
                        WHERE email ILIKE '%' || :q || '%' OR display_name ILIKE '%' || :q || '%'
                        ORDER BY email LIMIT 50""").param("q", query).query(AccountRow.class).list();
        return new ModelAndView("identity/accounts").addObject("q", query).addObject("accounts", rows);
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String setEnabled(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal SignedInUser admin,
            RedirectAttributes flash) {
        if (id.equals(admin.accountId().value())) {
            flash.addFlashAttribute("notice", "accounts.notYourself");
        } else if (jdbc.sql("UPDATE identity.account SET enabled = :enabled WHERE id = :id")
                        .param("id", id)
                        .param("enabled", enabled)
                        .update()
                > 0) {
            audit.record(
                    enabled ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED", id, null, null, "by " + admin.accountId());
            flash.addFlashAttribute("notice", enabled ? "accounts.reactivated" : "accounts.deactivated");
        }
        flash.addAttribute("q", q.length() > 254 ? "" : q);
        return "redirect:/admin/accounts";
    }
}
