package org.sapere.learning.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountErased;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.LearnerProgress;
import org.sapere.learning.goals.GoalSettings.Goal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly goal on a real database: this week's progress counts only this week's completions, in the learner's
 * time zone; the streak counts days in a row and shows only when asked for; the goal page checks its limits; an
 * erased account's choices go with it.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class WeeklyGoalTests {

    private static final String EMAIL = "learner050@learners.sapere.test";

    /** Wednesday 4 March 2026 at noon UTC; in Rome this week began on Monday 2 March at 00:00 (23:00 UTC). */
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T12:00:00Z");

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

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void progressCountsOnlyThisWeeksCompletionsInTheLearnersTimeZone() {
        var learner = freshLearner("Europe/Rome");
        var course = enrolled(learner);
        var lessons = course.lessons().toList();
        completed(learner, course, 0, "2026-03-01T23:30:00Z"); // Monday 00:30 in Rome: this week
        completed(learner, course, 1, "2026-03-04T10:00:00Z"); // Wednesday: this week
        completed(learner, course, 2, "2026-03-01T22:30:00Z"); // Sunday 23:30 in Rome: last week
        completed(learner, course, 3, "2026-02-25T10:00:00Z"); // the week before

        goals.save(learner, new GoalSettings(new Goal(GoalKind.MINUTES, 60), false, false));
        var minutes = goals.card(learner, WEDNESDAY);
        assertThat(minutes.done())
                .isEqualTo(lessons.get(0).minutes() + lessons.get(1).minutes());
        assertThat(minutes.reached()).isFalse();
        assertThat(minutes.streaks()).isFalse();

        goals.save(learner, new GoalSettings(new Goal(GoalKind.LESSONS, 2), false, false));
        var count = goals.card(learner, WEDNESDAY);
        assertThat(count.done()).isEqualTo(2);
        assertThat(count.reached()).isTrue();

        // In UTC, Monday 00:30 in Rome was still Sunday: last week.
        zone(learner, "UTC");
        assertThat(goals.card(learner, WEDNESDAY).done()).isEqualTo(1);
        // Next week starts from nothing.
        assertThat(goals.card(learner, WEDNESDAY.plusSeconds(7 * 86400)).done()).isZero();
    }

    @Test
    void theStreakCountsDaysInARowAndShowsOnlyWhenAskedFor() {
        var learner = freshLearner("Europe/Rome");
        var course = enrolled(learner);
        completed(learner, course, 0, "2026-03-03T23:30:00Z"); // Wednesday 00:30 in Rome
        completed(learner, course, 1, "2026-03-03T09:00:00Z"); // Tuesday
        completed(learner, course, 2, "2026-03-02T20:00:00Z"); // Monday
        completed(learner, course, 3, "2026-03-02T08:00:00Z"); // Monday again: a day counts once
        completed(learner, course, 4, "2026-02-28T10:00:00Z"); // Saturday, after a day without: another streak

        goals.save(learner, new GoalSettings(null, false, false));
        assertThat(goals.card(learner, WEDNESDAY)).isEqualTo(GoalCard.NONE);

        goals.save(learner, new GoalSettings(null, true, false));
        var today = goals.card(learner, WEDNESDAY);
        assertThat(today.hasGoal()).isFalse();
        assertThat(today.streaks()).isTrue();
        assertThat(today.streakDays()).isEqualTo(3);
        assertThat(today.streakIncludesToday()).isTrue();

        var tomorrow = goals.card(learner, WEDNESDAY.plusSeconds(86400));
        assertThat(tomorrow.streakDays()).isEqualTo(3);
        assertThat(tomorrow.streakIncludesToday()).isFalse();

        assertThat(goals.card(learner, WEDNESDAY.plusSeconds(2 * 86400)).streakDays())
                .isZero();
    }

    @Test
    void theGoalPageRefusesATargetOutsideItsLimitsAndSavesAGoodOne() throws Exception {
        var learner = freshLearner("Europe/Rome");
        var course = enrolled(learner);
        mvc.perform(get("/learn").with(user(signedIn(learner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Set a weekly goal")))
                .andExpect(content().string(not(containsString("in a row"))));
        mvc.perform(get("/learn/goal").with(user(signedIn(learner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"60\"")));

        mvc.perform(post("/learn/goal")
                        .with(user(signedIn(learner)))
                        .with(csrf())
                        .param("kind", "MINUTES")
                        .param("target", "2")
                        .param("streaks", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"target-error\"")))
                .andExpect(content().string(containsString("Enter a number of minutes from 5 to 1,000.")))
                .andExpect(content().string(containsString("value=\"2\"")));
        assertThat(goals.settings(learner)).isEqualTo(GoalSettings.NONE);

        mvc.perform(post("/learn/goal")
                        .with(user(signedIn(learner)))
                        .with(csrf())
                        .param("kind", "LESSONS")
                        .param("target", "3")
                        .param("streaks", "true"))
                .andExpect(redirectedUrl("/learn"));
        assertThat(goals.settings(learner)).isEqualTo(new GoalSettings(new Goal(GoalKind.LESSONS, 3), true, false));

        progress.complete(
                learner, course, course.lessons().findFirst().orElseThrow().id());
        mvc.perform(get("/learn").with(user(signedIn(learner))))
                .andExpect(content().string(containsString("1 of 3 lessons this week")))
                .andExpect(content().string(containsString("1 day in a row")))
                .andExpect(content().string(containsString("<progress class=\"progress\" max=\"3\" value=\"1\"")));
    }

    @Test
    void erasingTheAccountForgetsTheChoicesSoNoReminderGoesOut() {
        var learner = freshLearner("Europe/Rome");
        goals.save(learner, new GoalSettings(new Goal(GoalKind.MINUTES, 30), true, true));
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> events.publishEvent(new AccountErased(learner, EMAIL)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> goals.settings(learner).equals(GoalSettings.NONE));
    }

    /** The test's learner with no progress and no choices yet, in this time zone. */
    private AccountId freshLearner(String zone) {
        var learner = identity.accountByEmail(EMAIL).orElseThrow();
        jdbc.sql("DELETE FROM learning.lesson_progress WHERE account_id = :id")
                .param("id", learner.value())
                .update();
        jdbc.sql("DELETE FROM learning.learner_settings WHERE account_id = :id")
                .param("id", learner.value())
                .update();
        zone(learner, zone);
        return learner;
    }

    private void zone(AccountId learner, String zone) {
        jdbc.sql("UPDATE identity.account SET time_zone = :zone WHERE id = :id")
                .param("zone", zone)
                .param("id", learner.value())
                .update();
    }

    private CourseOutline enrolled(AccountId learner) {
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        registrar.enrol(learner, course.id());
        return course;
    }

    private void completed(AccountId learner, CourseOutline course, int lesson, String at) {
        var when = OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO learning.lesson_progress (account_id, course_id, lesson_id, state, started_at, completed_at, updated_at)
                VALUES (:learner, :course, :lesson, 'COMPLETED', :at, :at, :at)""")
                .param("learner", learner.value())
                .param("course", course.id().value())
                .param("lesson", course.lessons().toList().get(lesson).id().value())
                .param("at", when)
                .update();
    }

    private static SignedInUser signedIn(AccountId learner) {
        return new SignedInUser(learner, EMAIL, "Learner 50", null, false, true);
    }
}
