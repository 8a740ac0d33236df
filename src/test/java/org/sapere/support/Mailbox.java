package org.sapere.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
    private final int port;

    private Mailbox(int port) {
        this.port = port;
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Starts a server on a port no one listens on. */
    public static Mailbox start() {
        try (var socket = new ServerSocket(0)) {
            return new Mailbox(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
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
