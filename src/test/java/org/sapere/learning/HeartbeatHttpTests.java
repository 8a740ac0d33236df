package org.sapere.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The player's heartbeats over real HTTP: a batch sent twice counts once (one resume point, one statement per step
 * in the record store); a late report of an earlier moment never moves the resume point back; a reading marked
 * complete twice (a double tap, a retried offline step) completes once with one "completed" statement; steps of a
 * course the learner is not in are refused; malformed batches get a clear message; "I have N minutes" lists lessons
 * that fit, in course order.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeartbeatHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    Registrar registrar;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    record Learner(AccountId id, WebSession web, CourseOutline course) {}

    Learner enrolled(String email, String slug) throws Exception {
        var id = identity.accountByEmail(email).orElseThrow();
        var course = courses.outlineBySlug(slug).orElseThrow();
        registrar.enrol(id, course.id());
        return new Learner(id, new WebSession(port).signIn(email), course);
    }

    static String step(UUID id, UUID lesson, String verb, Instant at, Double position) {
        return "{\"id\":\"%s\",\"lesson\":\"%s\",\"verb\":\"%s\",\"at\":%d%s}"
                .formatted(id, lesson, verb, at.toEpochMilli(), position == null ? "" : ",\"position\":" + position);
    }

    java.net.http.HttpResponse<String> send(WebSession web, List<String> steps) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/learn/heartbeats"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + String.join(",", steps) + "]}")));
    }

    Double position(AccountId learner, UUID lesson) {
        return jdbc.sql("SELECT position FROM learning.lesson_progress WHERE account_id = :a AND lesson_id = :l")
                .param("a", learner.value())
                .param("l", lesson)
                .query(Double.class)
                .optional()
                .orElse(null);
    }

    /** Statements in the record store about this learner, lesson and verb (read from the store's own table). */
    int statements(AccountId learner, UUID lesson, String verbEnd) {
        return jdbc.sql("""
                SELECT count(*) FROM lrs.statement
                WHERE statement->'actor'->'account'->>'name' = :learner
                  AND statement->'object'->>'id' LIKE :lesson AND verb_id LIKE :verb""")
                .param("learner", learner.value().toString())
                .param("lesson", "%/lessons/" + lesson)
                .param("verb", "%/" + verbEnd)
                .query(Integer.class)
                .single();
    }

    int awaitStatements(AccountId learner, UUID lesson, String verb, int expected) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        var found = statements(learner, lesson, verb);
        while (found < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = statements(learner, lesson, verb);
        }
        // Time for a wrong second delivery to show, if there were one.
        Thread.sleep(500);
        return statements(learner, lesson, verb);
    }

    UUID lesson(CourseOutline course, int index) {
        return course.lessons().toList().get(index).id().value();
    }

    @Test
    void aBatchSentTwiceCountsOnce() throws Exception {
        var me = enrolled("learner051@learners.sapere.test", "project-management-essentials");
        var lesson = lesson(me.course(), 0);
        var now = Instant.now();
        var batch = List.of(
                step(UUID.randomUUID(), lesson, "initialized", now.minusSeconds(30), null),
                step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(20), 0.4),
                step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(10), 0.7));

        var first = send(me.web(), batch);
        var again = send(me.web(), batch);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"accepted\":3");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(position(me.id(), lesson)).isEqualTo(0.7);
        assertThat(awaitStatements(me.id(), lesson, "progressed", 2)).isEqualTo(2);
        assertThat(statements(me.id(), lesson, "initialized")).isEqualTo(1);
        // The statement keeps the learner's moment and the enrolment as its registration.
        var registration = registrar.registration(me.id(), me.course().id()).orElseThrow();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM lrs.statement
                        WHERE statement->'actor'->'account'->>'name' = :learner AND registration = :registration
                          AND statement->>'timestamp' = :at""")
                        .param("learner", me.id().value().toString())
                        .param("registration", registration)
                        .param(
                                "at",
                                now.minusSeconds(10)
                                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                                        .toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLateReportOfAnEarlierMomentNeverMovesTheResumePointBack() throws Exception {
        var me = enrolled("learner052@learners.sapere.test", "project-management-essentials");
        var lesson = lesson(me.course(), 1);
        var now = Instant.now();

        send(me.web(), List.of(step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(60), 0.5)));
        // Sent later, but about an earlier moment (a batch that waited on a phone): the resume point stays.
        var late = send(me.web(), List.of(step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(120), 0.1)));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(position(me.id(), lesson)).isEqualTo(0.5);
        // A later moment moves it, in either order within one batch.
        send(
                me.web(),
                List.of(
                        step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(5), 0.9),
                        step(UUID.randomUUID(), lesson, "progressed", now.minusSeconds(30), 0.6)));
        assertThat(position(me.id(), lesson)).isEqualTo(0.9);
        // A moment in the future (a phone's clock ahead) counts as now, so it cannot pin the resume point.
        send(me.web(), List.of(step(UUID.randomUUID(), lesson, "progressed", now.plusSeconds(3600), 0.95)));
        send(
                me.web(),
                List.of(step(
                        UUID.randomUUID(), lesson, "progressed", Instant.now().plusMillis(50), 0.2)));
        Thread.sleep(60);
        send(me.web(), List.of(step(UUID.randomUUID(), lesson, "progressed", Instant.now(), 0.3)));
        assertThat(position(me.id(), lesson)).isEqualTo(0.3);
    }

    @Test
    void aReadingMarkedCompleteTwiceCompletesOnceWithOneStatement() throws Exception {
        var me = enrolled("learner053@learners.sapere.test", "project-management-essentials");
        var reading = me.course()
                .lessons()
                .filter(l -> l.kind().value().equals("reading"))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        var offline =
                step(UUID.randomUUID(), reading, "completed", Instant.now().minusSeconds(600), null);

        send(me.web(), List.of(offline));
        send(me.web(), List.of(offline, step(UUID.randomUUID(), reading, "completed", Instant.now(), null)));

        assertThat(jdbc.sql("""
                        SELECT state FROM learning.lesson_progress WHERE account_id = :a AND lesson_id = :l""")
                        .param("a", me.id().value())
                        .param("l", reading)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED");
        assertThat(awaitStatements(me.id(), reading, "completed", 1)).isEqualTo(1);
    }

    @Test
    void stepsOfOtherCoursesAreRefusedAndMalformedBatchesExplained() throws Exception {
        var me = enrolled("learner054@learners.sapere.test", "project-management-essentials");
        var other = courses.published().stream()
                .filter(c -> !registrar.isEnrolled(me.id(), c.id()))
                .findFirst()
                .orElseThrow();
        var foreign = lesson(other, 0);

        var mixed = send(
                me.web(),
                List.of(
                        step(UUID.randomUUID(), foreign, "progressed", Instant.now(), 0.5),
                        step(UUID.randomUUID(), UUID.randomUUID(), "progressed", Instant.now(), 0.5),
                        step(UUID.randomUUID(), lesson(me.course(), 0), "progressed", Instant.now(), 0.5)));
        assertThat(mixed.statusCode()).isEqualTo(200);
        assertThat(mixed.body()).contains("\"accepted\":1", "\"refused\":2");
        assertThat(position(me.id(), foreign)).isNull();

        var tooMany = new ArrayList<String>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(step(UUID.randomUUID(), foreign, "progressed", Instant.now(), 0.1));
        }
        var refused = send(me.web(), tooMany);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("between 1 and 100 steps");
        var badVerb = send(me.web(), List.of(step(UUID.randomUUID(), foreign, "launched", Instant.now(), null)));
        assertThat(badVerb.statusCode()).isEqualTo(400);
        assertThat(badVerb.body()).contains("a known verb");
        var notJson = me.web()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/learn/heartbeats"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"events\": [")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        var signedOut = new WebSession(port);
        var anonymous =
                signedOut.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/learn/heartbeats"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}")));
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    }

    private static final Pattern ITEM =
            Pattern.compile("data-minutes=\"(\\d+)\">\\s*<a href=\"/learn/courses/[^/]+/lessons/([0-9a-f-]{36})");

    @Test
    void iHaveTenMinutesListsTheNextLessonsThatFitInCourseOrder() throws Exception {
        var me = enrolled("learner055@learners.sapere.test", "project-management-essentials");
        var page = me.web().get("/learn/minutes?n=10");
        assertThat(page.statusCode()).isEqualTo(200);
        var matcher = ITEM.matcher(page.body());
        var minutes = 0;
        var listed = new ArrayList<UUID>();
        while (matcher.find()) {
            minutes += Integer.parseInt(matcher.group(1));
            listed.add(UUID.fromString(matcher.group(2)));
        }
        assertThat(listed).isNotEmpty();
        assertThat(minutes).isBetween(1, 10);
        // Within each course, its lessons in course order, none of them done already, in courses the learner is in.
        var last = new java.util.HashMap<UUID, Integer>();
        for (var id : listed) {
            var course =
                    courses.outlineOfLesson(new org.sapere.course.LessonId(id)).orElseThrow();
            assertThat(registrar.isEnrolled(me.id(), course.id())).isTrue();
            var index = course.lessons().map(l -> l.id().value()).toList().indexOf(id);
            assertThat(index).isGreaterThan(last.getOrDefault(course.id().value(), -1));
            last.put(course.id().value(), index);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM learning.lesson_progress
                            WHERE account_id = :a AND lesson_id = :l AND state = 'COMPLETED'""")
                            .param("a", me.id().value())
                            .param("l", id)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }

        var invalid = me.web().get("/learn/minutes?n=abc");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Type a whole number of minutes from 1 to 600.");
    }
}
