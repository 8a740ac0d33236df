package org.sapere.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, for tests that follow links in the mails Sapere sends.
 * Point {@code spring.mail.host} and {@code spring.mail.port} at it (e.g. with {@code @DynamicPropertySource}).
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail server;

    private Mailbox() {
        // Port 0: the system picks a free port as the server binds it.
        var setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        // The default (2 s) is short on a busy machine.
        setup.setServerStartupTimeout(20_000);
        server = new GreenMail(setup);
        server.start();
    }

    /** Starts a server on a free port. */
    public static Mailbox start() {
        return new Mailbox();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /**
     * Waits for a mail to {@code to} whose subject starts with {@code subject}, and answers the first match of
     * {@code link} (its group 1) in its text.
     */
    public String link(String to, String subject, Pattern link, Duration within) {
        var text = text(to, subject, within);
        var matcher = link.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No link " + link + " in the mail \"" + subject + "\" to " + to + ":\n" + text);
        }
        return matcher.group(1);
    }

    /** Waits for a mail to {@code to} whose subject starts with {@code subject}; answers its text. */
    public String text(String to, String subject, Duration within) {
        var deadline = Instant.now().plus(within);
        while (true) {
            var found = find(to, subject);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail \"" + subject + "\" to " + to + " within " + within);
            }
            server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
        }
    }

    private Optional<String> find(String to, String subject) {
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(to)
                        && message.getSubject().startsWith(subject)) {
                    return Optional.of(String.valueOf(message.getContent()));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop();
    }
}
