package org.sapere.notification.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
    }

    @Override
    public String describe() {
        return "SMTP " + host;
    }
}
