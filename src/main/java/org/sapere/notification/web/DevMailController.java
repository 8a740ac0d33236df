package org.sapere.notification.web;

import java.util.UUID;
import org.sapere.notification.domain.DevMailbox;
import org.sapere.notification.domain.Mailer;
import org.sapere.shared.NotFoundException;
import org.sapere.shared.web.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The development mailbox, for platform admins: the mails kept when no SMTP server is configured. */
@Controller
class DevMailController {

    private final Mailer mailer;

    DevMailController(Mailer mailer) {
        this.mailer = mailer;
    }

    @GetMapping("/admin/mail")
    ModelAndView list() {
        var mailbox = mailer instanceof DevMailbox box ? box : null;
        return new ModelAndView("notification/mailbox")
                .addObject("mails", mailbox == null ? java.util.List.of() : mailbox.recent())
                .addObject("transport", mailer.describe());
    }

    @GetMapping("/admin/mail/{id}")
    ModelAndView show(@PathVariable UUID id) {
        var mail = mailer instanceof DevMailbox box ? box.find(id) : java.util.Optional.<DevMailbox.KeptMail>empty();
        return new ModelAndView("notification/mail")
                .addObject("mail", mail.orElseThrow(() -> new NotFoundException("mail " + id)));
    }

    @Bean
    static SecurityRules notificationRules() {
        return requests ->
                requests.requestMatchers("/admin/mail", "/admin/mail/**").hasRole("PLATFORM_ADMIN");
    }
}
