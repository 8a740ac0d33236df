package org.sapere.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.course.CoursePublished;
import org.sapere.course.LessonKind;
import org.sapere.course.Level;
import org.sapere.course.domain.Course;
import org.sapere.course.domain.Courses;
import org.sapere.shared.LocalizedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The learning benchmark's population: published courses stored through the course repository and announced with
 * {@link CoursePublished}, as the demo loader does; learner accounts, enrolments and lesson progress written in SQL
 * as the application leaves them, because at this size the services would take hours (and Argon2id an hour more).
 */
final class LearningData {

    private static final List<String> SUBJECTS =
            List.of("project-management", "artificial-intelligence", "soft-skills", "sustainable-technologies");
    private static final List<String> TOPICS = List.of(
            "Budgets",
            "Risk",
            "Negotiation",
            "Energy Storage",
            "Neural Networks",
            "Team Leadership",
            "Circular Design",
            "Data Ethics",
            "Scheduling",
            "Public Speaking",
            "Grid Planning",
            "Product Strategy");
    private static final List<String> OPENINGS =
            List.of("Introduction to %s", "%s in Practice", "Advanced %s", "%s for Engineers", "Foundations of %s");

    private final JdbcClient jdbc;
    private final Courses courses;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    LearningData(JdbcClient jdbc, Courses courses, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * {@code count} English courses, each of {@code modules} modules of {@code lessons} readings, taught by the demo's
     * professors at their universities, published at version 1 in batches of 50.
     */
    void courses(int count, int modules, int lessons) {
        var teachers = jdbc.sql("SELECT account_id, organisation_id FROM identity.membership WHERE role = 'PROFESSOR'"
                        + " ORDER BY account_id")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        var random = new Random(2026);
        for (var from = 0; from < count; from += 50) {
            var batch = new ArrayList<Course>();
            for (var i = from; i < Math.min(count, from + 50); i++) {
                batch.add(course(i, teachers.get(i % teachers.size()), modules, lessons, random));
            }
            transactions.executeWithoutResult(status -> batch.forEach(course -> {
                courses.insert(course);
                events.publishEvent(new CoursePublished(new CourseId(course.id()), course.version()));
            }));
        }
    }

    private static Course course(int i, Map.Entry<UUID, UUID> teacher, int modules, int lessons, Random random) {
        var topic = TOPICS.get(i % TOPICS.size());
        var parts = new ArrayList<Course.Part>();
        for (var m = 0; m < modules; m++) {
            var readings = new ArrayList<Course.Lesson>();
            for (var l = 0; l < lessons; l++) {
                readings.add(new Course.Lesson(
                        UUID.randomUUID(),
                        en("%s: part %d, lesson %d".formatted(topic, m + 1, l + 1)),
                        new LessonKind("reading"),
                        5 + random.nextInt(25),
                        en("## %s\n\nA short reading about **%s**, with an example from practice and a question to"
                                        .formatted(topic, topic.toLowerCase(java.util.Locale.ROOT))
                                + " think about before the next lesson.")));
            }
            parts.add(new Course.Part(UUID.randomUUID(), en("Module %d of %s".formatted(m + 1, topic)), readings));
        }
        return new Course(
                UUID.randomUUID(),
                teacher.getValue(),
                "bench-course-%03d".formatted(i + 1),
                1,
                en(OPENINGS.get(i % OPENINGS.size()).formatted(topic) + " " + (i + 1)),
                en("A generated course about " + topic.toLowerCase(java.util.Locale.ROOT) + " for the benchmark."),
                en("Generated for the learning benchmark: **" + topic + "**, in " + modules + " modules."),
                List.of(SUBJECTS.get(i % SUBJECTS.size())),
                Level.values()[i % Level.values().length],
                "en",
                List.of(en("Explain the basics of " + topic.toLowerCase(java.util.Locale.ROOT) + ".")),
                List.of(teacher.getKey()),
                parts);
    }

    private static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }

    /**
     * Accounts learner-bench-NNNNNN@bench.sapere.test, 1 to {@code count}, with the password of {@code passwordOf}
     * (so no Argon2id per account) and varied names, as a registration would leave them.
     */
    int learners(int count, String passwordOf) {
        var hash = jdbc.sql("SELECT password_hash FROM identity.account WHERE email = :email")
                .param("email", passwordOf)
                .query(String.class)
                .single();
        return jdbc.sql("""
                INSERT INTO identity.account (id, email, display_name, password_hash, email_verified_at, language,
                                              created_at)
                SELECT gen_random_uuid(), 'learner-bench-' || lpad(i::text, 6, '0') || '@bench.sapere.test',
                       (ARRAY['Anna', 'Luca', 'Sofia', 'Marco', 'Giulia', 'Jonas', 'Lea', 'Noah', 'Emma', 'Lars',
                              'Ingrid', 'Tomás', 'Lucía', 'Pieter', 'Sanne', 'Chloé', 'Hugo', 'Zoë', 'Björn', 'Ömer',
                              'Wei', 'Mei', 'Arjun', 'Priya', 'Kofi', 'Amara', 'Olga', 'Niamh', 'Fatima'])[1 + i % 29]
                       || ' ' ||
                       (ARRAY['Rossi', 'Conti', 'Müller', 'Weber', 'de Vries', 'Jansen', 'Svensson', 'García',
                              'Dubois', 'Moreau', 'Nowak', 'Novák', 'Yılmaz', 'O''Brien', 'Smith', 'Wang', 'Chen',
                              'Sharma', 'Mensah', 'Okafor', 'Petrov', 'Nielsen', 'Virtanen', 'Silva', 'Costa',
                              'Fischer', 'Becker', 'Koch', 'Lindqvist', 'Herrera', 'Horváth'])[1 + (i / 29) % 31],
                       :hash, now(), 'en', now() - make_interval(days => i % 700)
                FROM generate_series(1, :count) AS i
                """).param("count", count).param("hash", hash).update();
    }

    static String email(int number) {
        return "learner-bench-%06d@bench.sapere.test".formatted(number);
    }

    /**
     * Enrols every bench learner in {@code each} different published courses, spread evenly over all of them (the
     * demo's included), enrolled on different days over the last year; how many enrolments were made.
     */
    int enrolments(int each) {
        return jdbc.sql("""
                WITH published AS (
                    SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM course.course
                ), size AS (
                    SELECT count(*) AS total FROM course.course
                ), learners AS (
                    SELECT id, substring(email FROM 15 FOR 6)::int AS i FROM identity.account
                    WHERE email LIKE 'learner-bench-%'
                )
                INSERT INTO enrolment.enrolment (id, account_id, course_id, status, enrolled_at)
                SELECT gen_random_uuid(), l.id, p.id, 'ACTIVE',
                       now() - make_interval(days => (l.i * 7 + k * 31) % 365, secs => l.i % 86400)
                FROM learners l CROSS JOIN size s CROSS JOIN generate_series(0, :each - 1) AS k
                JOIN published p ON p.n = (l.i * 7919 + k * (s.total / :each)) % s.total
                """).param("each", each).update();
    }

    /**
     * Progress as learners leave it: in a third of the enrolments the first three lessons are done and the fourth
     * started; in one in fifty every lesson is done and the course completed; the others not started.
     */
    int progress() {
        var lessons = jdbc.sql("""
                WITH ordered AS (
                    SELECT l.course_id, l.id,
                           row_number() OVER (PARTITION BY l.course_id ORDER BY m.position, l.position) AS n,
                           count(*) OVER (PARTITION BY l.course_id) AS total
                    FROM course.lesson l JOIN course.course_module m ON m.id = l.module_id
                ), chosen AS (
                    SELECT e.account_id, e.course_id, e.enrolled_at,
                           CASE WHEN hashtext(e.id::text) % 50 = 0 THEN 'all' ELSE 'three' END AS how
                    FROM enrolment.enrolment e
                    JOIN identity.account a ON a.id = e.account_id AND a.email LIKE 'learner-bench-%'
                    WHERE hashtext(e.id::text) % 50 = 0 OR abs(hashtext(e.id::text)) % 3 = 1
                )
                INSERT INTO learning.lesson_progress (account_id, course_id, lesson_id, state, started_at,
                                                      completed_at, updated_at)
                SELECT c.account_id, c.course_id, o.id,
                       CASE WHEN c.how = 'three' AND o.n = 4 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END,
                       c.enrolled_at + make_interval(hours => o.n::int),
                       CASE WHEN c.how = 'three' AND o.n = 4 THEN NULL
                            ELSE c.enrolled_at + make_interval(hours => o.n::int, mins => 20) END,
                       c.enrolled_at + make_interval(hours => o.n::int, mins => 20)
                FROM chosen c JOIN ordered o ON o.course_id = c.course_id
                WHERE c.how = 'all' OR o.n <= 4
                """).update();
        jdbc.sql("""
                WITH lessons AS (SELECT course_id, count(*) AS total FROM course.lesson GROUP BY course_id)
                INSERT INTO learning.course_completion (account_id, course_id, course_version, completed_at)
                SELECT p.account_id, p.course_id, c.version, max(p.completed_at)
                FROM learning.lesson_progress p JOIN course.course c ON c.id = p.course_id
                JOIN lessons l ON l.course_id = p.course_id
                JOIN identity.account a ON a.id = p.account_id AND a.email LIKE 'learner-bench-%'
                WHERE p.state = 'COMPLETED'
                GROUP BY p.account_id, p.course_id, c.version, l.total
                HAVING count(*) = l.total
                ON CONFLICT DO NOTHING
                """).update();
        return lessons;
    }

    /**
     * Lets the set-up's writes settle before measuring, as autovacuum and the checkpointer would in time, and the
     * events it published (the catalogue listing the new courses) be handled.
     */
    void settle() throws InterruptedException {
        jdbc.sql("VACUUM ANALYZE").update();
        jdbc.sql("CHECKPOINT").update();
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        > 0) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000);
    }

    /** What the database holds: courses, accounts, enrolments, progress, completions, its size on disk. */
    String summary() {
        return ("%,d published courses, %,d accounts, %,d active enrolments, %,d lesson progress rows, %,d course"
                        + " completions; %s on disk")
                .formatted(
                        count("course.course"),
                        count("identity.account"),
                        count("enrolment.enrolment WHERE status = 'ACTIVE'"),
                        count("learning.lesson_progress"),
                        count("learning.course_completion"),
                        jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
                                .query(String.class)
                                .single());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    UUID account(String email) {
        return jdbc.sql("SELECT id FROM identity.account WHERE email = :email")
                .param("email", email)
                .query(UUID.class)
                .single();
    }

    /** The lessons of the courses the learner is enrolled in. */
    List<UUID> lessonsOf(UUID account) {
        return jdbc.sql("""
                SELECT l.id FROM enrolment.enrolment e JOIN course.lesson l ON l.course_id = e.course_id
                WHERE e.account_id = :account AND e.status = 'ACTIVE' ORDER BY l.id""").param("account", account).query(UUID.class).list();
    }

    /** The record store's last statement, by its storage order (0 when empty). */
    long lastStatement() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM lrs.statement")
                .query(Long.class)
                .single();
    }

    long statementsSince(long seq) {
        return jdbc.sql("SELECT count(*) FROM lrs.statement WHERE seq > :seq")
                .param("seq", seq)
                .query(Long.class)
                .single();
    }
}
