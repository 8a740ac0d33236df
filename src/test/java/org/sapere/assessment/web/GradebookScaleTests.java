package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A gradebook of ten thousand enrolled learners and four graded quizzes: a page of it is served in well under
 * 200 ms (the results are read in a fixed number of queries and only the page is rendered), and the CSV export holds
 * every learner.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GradebookScaleTests {

    private static final int LEARNERS = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    ItemBank bank;

    @Autowired
    QuizStore quizzes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageOfAGradebookOfTenThousandLearnersIsFast() throws Exception {
        var course = new GradingTestCourse(
                editor, identity, bank, quizzes, jdbc, "Massive course", "Week 1", "Week 2", "Week 3", "Final");
        var item = course.choice("Ready?", "A");
        course.quiz("Week 1", QuizSettings.Category.QUIZ, item);
        course.quiz("Week 2", QuizSettings.Category.QUIZ, item);
        course.quiz("Week 3", QuizSettings.Category.QUIZ, item);
        course.quiz("Final", QuizSettings.Category.EXAM, item);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO identity.account (id, email, display_name, enabled, email_verified_at, language)
                SELECT gen_random_uuid(), 'scale-' || :tag || '-' || g || '@scale.sapere.test',
                       'Learner ' || md5(g::text || :tag), true, now(), 'en'
                FROM generate_series(1, :n) g
                """).param("tag", tag).param("n", LEARNERS).update();
        jdbc.sql("""
                INSERT INTO enrolment.enrolment (id, account_id, course_id, status, enrolled_at)
                SELECT gen_random_uuid(), id, :course, 'ACTIVE', now() FROM identity.account
                WHERE email LIKE 'scale-' || :tag || '-%'
                """).param("tag", tag).param("course", course.id).update();
        for (var lesson : course.lessons.values()) {
            // Nine in ten took each quiz, with results spread over 0-100 %; one in fifty waits for an essay.
            jdbc.sql("""
                    INSERT INTO assessment.attempt (id, lesson_id, course_id, learner_id, number, seed, state,
                        started_at, submitted_at, graded_at, score, max_score, percent, passed)
                    SELECT gen_random_uuid(), :lesson, :course, account_id, 1, 1,
                           CASE WHEN r < 0.02 THEN 'SUBMITTED' ELSE 'GRADED' END, now(), now(), now(),
                           round(r::numeric, 4), 1,
                           CASE WHEN r < 0.02 THEN NULL ELSE round((r * 100)::numeric, 4) END,
                           CASE WHEN r < 0.02 THEN NULL ELSE r >= 0.6 END
                    FROM (SELECT account_id, random() AS r FROM enrolment.enrolment WHERE course_id = :course) e
                    WHERE r < 0.9
                    """).param("lesson", lesson).param("course", course.id).update();
        }
        var professor = new WebSession(port).signIn(GradingTestCourse.PROFESSOR);
        var path = "/teach/courses/" + course.id + "/gradebook";
        for (var i = 0; i < 5; i++) {
            assertThat(professor.get(path).statusCode()).isEqualTo(200);
        }

        var times = new ArrayList<Long>();
        String body = "";
        for (var i = 0; i < 10; i++) {
            var started = System.nanoTime();
            var response = professor.get(path + "?page=3");
            times.add((System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        }
        times.sort(null);
        System.out.println("Gradebook of " + LEARNERS + " learners, page 3, ms: " + times);
        assertThat(body).contains("10,004 learners enrolled", "Page 3 of 201");
        assertThat(body.split("<th scope=\"row\">", -1)).hasSize(1 + GradebookController.PAGE_SIZE);
        // The fastest of ten is the server's time with the least noise from whatever else runs on the machine
        // (over localhost it includes the HTTP round trip). Build machines are small and shared: when other
        // processes keep every core busy, the budget grows with the load, so that the test measures this page and
        // not the neighbours (a query per learner would still take seconds and fail).
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        var contention = Math.max(1.0, os.getSystemLoadAverage() / os.getAvailableProcessors());
        var budget = Math.round(200 * contention);
        System.out.println("Load per core " + contention + ", budget " + budget + " ms");
        assertThat(times.getFirst()).as("fastest page, ms").isLessThan(budget);

        var filtered = professor.get(path + "?q=LEARNER+1&status=passed");
        assertThat(filtered.statusCode()).isEqualTo(200);

        var started = System.nanoTime();
        var csv = professor.getBytes(path + ".csv", Map.of());
        var csvMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Gradebook CSV of " + LEARNERS + " learners, ms: " + csvMillis);
        assertThat(csv.statusCode()).isEqualTo(200);
        var lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + LEARNERS + GradingTestCourse.LEARNERS.size());
        assertThat(csvMillis).isLessThan(5000);
    }
}
