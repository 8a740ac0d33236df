package org.sapere.learning.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.LearnerProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The weekly reminder with a real SMTP server (GreenMail): a learner who opted in gets one mail a week in their
 * language, with the link back to their lesson and a one-click unsubscribe link that works without signing in and
 * changes nothing until its button (or a mail program's one-click request) is pressed. The schedule is off here;
 * the tests run sweeps themselves.
 */
@Tag("db")
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "sapere.learning.reminders.enabled=false"})
@AutoConfigureMockMvc
class WeeklyReminderTests {

    private static final int SMTP_PORT = freePort();
    private static final String UNSUBSCRIBE = "/learn/reminders/unsubscribe/";
    private static final String COURSE = "project-management-essentials";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    WeeklyReminders reminders;

    @Autowired
    WeeklyGoals goals;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    Registrar registrar;

    @Autowired
    LearnerProgress progress;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aSweepSendsOneMailInTheLearnersLanguageWithTheLinkBackToTheLesson() throws Exception {
        var email = "learner046@learners.sapere.test";
        var learner = identity.accountByEmail(email).orElseThrow();
        jdbc.sql("UPDATE identity.account SET language = 'it' WHERE id = :id")
                .param("id", learner.value())
                .update();
        var course = courses.outlineBySlug(COURSE).orElseThrow();
        registrar.enrol(learner, course.id());
        // Working in the course makes it the one to continue.
        progress.complete(
                learner, course, course.lessons().findFirst().orElseThrow().id());
        var next = progress.of(learner, course).nextLesson().orElseThrow();

        mvc.perform(post("/learn/goal")
                        .with(user(new SignedInUser(learner, email, "Learner 46", null, false, true)))
                        .with(csrf())
                        .param("kind", "MINUTES")
                        .param("target", "60")
                        .param("weeklyReminder", "true"))
                .andExpect(redirectedUrl("/learn"));

        reminders.sweep();
        var received = awaitMailsTo(email, 1);
        var message = received.getFirst();
        var token = token(learner);
        var unsubscribe = "http://localhost:8080" + UNSUBSCRIBE + token;
        assertThat(message.getSubject())
                .isEqualTo(
                        "Riprendi da dove avevi interrotto: " + course.title().in(Locale.ITALIAN));
        assertThat(text(message))
                .startsWith("Ciao Learner 46,")
                .contains("la tua prossima lezione è «" + next.title().in(Locale.ITALIAN) + "»")
                .contains("http://localhost:8080/learn/courses/" + COURSE + "/lessons/" + next.id())
                .contains(unsubscribe);
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(lastReminderWeek(learner)).isEqualTo(Week.mondayOf(LocalDate.now(ZoneOffset.UTC)));

        // A second sweep in the same week sends nothing more.
        reminders.sweep();
        Thread.sleep(1500);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void twoSweepsAtOnceStillSendOneMail() throws Exception {
        var email = "learner048@learners.sapere.test";
        var learner = identity.accountByEmail(email).orElseThrow();
        // A reminder needs no goal; the generated learner has unfinished courses already.
        goals.save(learner, new GoalSettings(null, false, true));

        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(reminders::sweep);
            var second = pool.submit(reminders::sweep);
            first.get();
            second.get();
        }
        var received = awaitMailsTo(email, 1);
        assertThat(received.getFirst().getSubject()).startsWith("Pick up where you left off: ");
        Thread.sleep(1500);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void theUnsubscribeLinkAsksFirstAndItsButtonWorksWithoutSigningIn() throws Exception {
        var learner = identity.accountByEmail("learner047@learners.sapere.test").orElseThrow();
        goals.save(learner, new GoalSettings(new GoalSettings.Goal(GoalKind.LESSONS, 2), true, true));
        var token = token(learner);

        // Opening the link (as a mail scanner would) changes nothing.
        mvc.perform(get(UNSUBSCRIBE + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Stop the weekly reminder?")))
                .andExpect(content().string(containsString("action=\"" + UNSUBSCRIBE + token + "\"")));
        assertThat(goals.settings(learner).weeklyReminder()).isTrue();

        // The form carries its CSRF token like every form; a forged post without it is refused.
        mvc.perform(post(UNSUBSCRIBE + token)).andExpect(status().isForbidden());
        assertThat(goals.settings(learner).weeklyReminder()).isTrue();

        mvc.perform(post(UNSUBSCRIBE + token).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reminder e-mails stopped")));
        // Only the reminder is off: the goal and the streak stay.
        assertThat(goals.settings(learner))
                .isEqualTo(new GoalSettings(new GoalSettings.Goal(GoalKind.LESSONS, 2), true, false));
        mvc.perform(get(UNSUBSCRIBE + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The reminder is already off")));

        // A mail program's one-click request (RFC 8058) comes without a session or a CSRF token.
        goals.save(learner, new GoalSettings(null, false, true));
        mvc.perform(post(UNSUBSCRIBE + token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        assertThat(goals.settings(learner).weeklyReminder()).isFalse();
    }

    @Test
    void aWrongTokenGetsAClearNotFoundPage() throws Exception {
        for (var wrong : List.of(UUID.randomUUID().toString(), "not-a-token")) {
            mvc.perform(get(UNSUBSCRIBE + wrong))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("This link does not work")));
            mvc.perform(post(UNSUBSCRIBE + wrong).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post(UNSUBSCRIBE + wrong)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("List-Unsubscribe", "One-Click"))
                    .andExpect(status().isNotFound());
        }
    }

    private UUID token(AccountId learner) {
        return jdbc.sql("SELECT reminder_token FROM learning.learner_settings WHERE account_id = :id")
                .param("id", learner.value())
                .query(UUID.class)
                .single();
    }

    private LocalDate lastReminderWeek(AccountId learner) {
        return jdbc.sql("SELECT last_reminder_week FROM learning.learner_settings WHERE account_id = :id")
                .param("id", learner.value())
                .query(LocalDate.class)
                .single();
    }

    private static List<MimeMessage> awaitMailsTo(String email, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email).size() >= count);
        return mailsTo(email);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
