package org.sapere.identity.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The security log for platform admins: sign-ins, failures, refusals and account changes, newest first. */
@Controller
class AuditController {

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the log. */
    public record Entry(
            OffsetDateTime at,
            @Nullable UUID account,
            @Nullable String email,
            String action,
            @Nullable String ip,
            @Nullable String detail) {}

    @GetMapping("/admin/audit")
    ModelAndView log(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String action) {
        var who = q.strip().length() > 254 ? q.strip().substring(0, 254) : q.strip();
        var what = action.strip().length() > 40 ? "" : action.strip();
        List<AuditEntry> entries = jdbc.sql("""
                SELECT at, account_id, email, action, ip, detail FROM identity.audit_event
                WHERE (:who = '' OR email ILIKE '%' || :who || '%' OR account_id::text = :who
                       OR account_id IN (SELECT id FROM identity.account WHERE email ILIKE '%' || :who || '%'))
                  AND (:what = '' OR action = :what)
                ORDER BY at DESC, id DESC LIMIT 200""")
                .param("who", who)
                .param("what", what)
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("action"),
                        rs.getString("ip"),
                        rs.getString("detail")))
                .list();
        var actions = jdbc.sql("SELECT DISTINCT action FROM identity.audit_event ORDER BY action")
                .query(String.class)
                .list();
        return new ModelAndView("identity/audit")
                .addObject("entries", entries)
                .addObject("actions", actions)
                .addObject("q", who)
                .addObject("action", what);
    }
}
