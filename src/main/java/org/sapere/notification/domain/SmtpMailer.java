package org.sapere.notification.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends through the SMTP server configured with {@code SPRING_MAIL_HOST} (and port, user, password). */
@Component
@ConditionalOnProperty("spring.mail.host")
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;
    private final String host;

    SmtpMailer(
            JavaMailSender sender,
            @Value("${sapere.mail.from}") String from,
            @Value("${spring.mail.host}") String host) {
        this.sender = sender;
        this.from = from;
        this.host = host;
    }

    @Override
    public void send(OutgoingMail mail) {
        sender.send(message -> {
            var helper = new MimeMessageHelper(message);
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text());
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
        });
    }

    @Override
    public String describe() {
        return "SMTP " + host;
    }
}
