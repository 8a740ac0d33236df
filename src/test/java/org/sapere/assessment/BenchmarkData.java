package org.sapere.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment benchmark's data where the services would be too slow for its size: learner accounts, enrolments
 * and graded attempts written in SQL as the application leaves them; and graded quizzes added through the course
 * editor and the quiz store.
 */
final class BenchmarkData {

    private final JdbcClient jdbc;
    private final CourseEditor editor;
    private final QuizStore quizzes;
    private final TransactionTemplate transactions;
    /** The account whose password hash the learners get (the demo password, so no Argon2id per account). */
    private final String passwordOf;

    BenchmarkData(
            JdbcClient jdbc,
            CourseEditor editor,
            QuizStore quizzes,
            TransactionTemplate transactions,
            String passwordOf) {
        this.jdbc = jdbc;
        this.editor = editor;
        this.quizzes = quizzes;
        this.transactions = transactions;
        this.passwordOf = passwordOf;
    }

    /** Enrols every bench learner not enrolled in the course yet; how many were. */
    int enrolAll(UUID course) {
        return jdbc.sql("""
                INSERT INTO enrolment.enrolment (id, account_id, course_id, status, enrolled_at)
                SELECT gen_random_uuid(), a.id, :course, 'ACTIVE', now() FROM identity.account a
                WHERE a.email LIKE 'bench-learner-%' AND NOT EXISTS
                    (SELECT 1 FROM enrolment.enrolment e WHERE e.account_id = a.id AND e.course_id = :course)
                """).param("course", course).update();
    }

    /** A graded quiz lesson added to the course's draft (in its n-th module) through the course editor. */
    UUID addQuiz(UUID course, AccountId professor, int module, String title, List<Item> asked, boolean exam) {
        var editing = editor.open(course, professor);
        var moduleId = editing.course().modules().get(module).id();
        var outcome = editor.addLesson(course, moduleId, professor, editing.revision(), title, 20, QuizLessons.KIND);
        if (!outcome.ok()) {
            throw new IllegalStateException("adding " + title + ": " + outcome);
        }
        var lesson = editor.open(course, professor).course().modules().get(module).lessons().stream()
                .filter(l -> l.title().original().equals(title))
                .findFirst()
                .orElseThrow()
                .id();
        quizzes.save(quiz(lesson, course, asked, exam ? QuizSettings.Category.EXAM : QuizSettings.Category.QUIZ));
        return lesson;
    }

    static BigDecimal points(List<Item> items) {
        return items.stream().map(i -> i.info().points()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static QuizSettings quiz(UUID lesson, UUID course, List<Item> items, QuizSettings.Category c) {
        var slots = items.stream()
                .map(i -> (QuizSettings.Slot) new QuizSettings.Fixed(i.info().id()))
                .toList();
        return new QuizSettings(
                lesson,
                course,
                slots,
                true,
                true,
                0,
                0,
                new BigDecimal("60"),
                QuizSettings.FeedbackTiming.AFTER_SUBMIT,
                true,
                true,
                c,
                null,
                null);
    }

    /**
     * Attempts at a quiz for every enrolled learner who has none, as QuizTaking leaves them: 92 % took it, a quarter
     * of those twice, one in a hundred of the latest attempts waits for grading; {@code seed} makes it repeatable.
     */
    int attempts(UUID course, UUID lesson, BigDecimal max, double seed) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT setseed(:seed)").param("seed", seed).query().singleRow();
            return jdbc.sql("""
                    WITH learners AS (
                        SELECT e.account_id AS learner, random() AS took, random() < 0.25 AS twice,
                               random() < 0.01 AS waits, random() AS skill
                        FROM enrolment.enrolment e
                        WHERE e.course_id = :course AND e.status = 'ACTIVE' AND NOT EXISTS
                            (SELECT 1 FROM assessment.attempt a WHERE a.lesson_id = :lesson AND a.learner_id = e.account_id)
                    ), tries AS (
                        SELECT l.learner, n, l.waits AND n = 1 + l.twice::int AS waiting,
                               round(least(100, greatest(0, 25 + 70 * l.skill + 10 * n + 20 * (random() - 0.5)))::numeric,
                                   4) AS pct
                        FROM learners l CROSS JOIN LATERAL generate_series(1, 1 + l.twice::int) AS n
                        WHERE l.took < 0.92
                    )
                    INSERT INTO assessment.attempt (id, lesson_id, course_id, learner_id, number, seed, state,
                        started_at, submitted_at, graded_at, score, max_score, percent, passed)
                    SELECT gen_random_uuid(), :lesson, :course, learner, n, n,
                           CASE WHEN waiting THEN 'SUBMITTED' ELSE 'GRADED' END,
                           now() - make_interval(days => 20 - n), now() - make_interval(days => 20 - n, mins => -25),
                           CASE WHEN waiting THEN NULL ELSE now() - make_interval(days => 20 - n, mins => -25) END,
                           round(pct * :max / 100, 4), :max,
                           CASE WHEN waiting THEN NULL ELSE pct END, CASE WHEN waiting THEN NULL ELSE pct >= 60 END
                    FROM tries
                    """)
                    .param("course", course)
                    .param("lesson", lesson)
                    .param("max", max)
                    .update();
        });
    }

    /**
     * Accounts bench-learner-NNNNN@bench.sapere.test, numbers {@code from} to {@code to}, in that order, with the demo
     * password and varied names, as a registration would leave them.
     */
    List<AccountId> learners(int from, int to) {
        if (to < from) {
            return List.of();
        }
        var hash = jdbc.sql("SELECT password_hash FROM identity.account WHERE email = :email")
                .param("email", passwordOf)
                .query(String.class)
                .single();
        return jdbc
                .sql("""
                        INSERT INTO identity.account (id, email, display_name, password_hash, email_verified_at, language)
                        SELECT gen_random_uuid(), 'bench-learner-' || lpad(i::text, 5, '0') || '@bench.sapere.test',
                               (ARRAY['Anna', 'Luca', 'Sofia', 'Marco', 'Giulia', 'Matteo', 'Elena', 'Jonas', 'Lea',
                                      'Noah', 'Emma', 'Lars', 'Ingrid', 'Tomás', 'Lucía', 'Pieter', 'Sanne', 'Chloé',
                                      'Hugo', 'Zoë', 'Björn', 'Åsa', 'Ömer', 'Ayşe', 'Wei', 'Mei', 'Arjun', 'Priya',
                                      'Kofi', 'Amara', 'Olga', 'Ivan', 'Niamh', 'Seán', 'Fatima', 'Yusuf', 'Maya'])
                                   [1 + i % 37] || ' ' ||
                               (ARRAY['Rossi', 'Bianchi', 'Conti', 'Esposito', 'Ricci', 'Müller', 'Schmidt', 'Weber',
                                      'de Vries', 'van Dijk', 'Jansen', 'Svensson', 'Lindqvist', 'Herrera', 'García',
                                      'Martín', 'Dubois', 'Lefèvre', 'Moreau', 'Nowak', 'Kowalski', 'Novák', 'Horváth',
                                      'Yılmaz', 'Papadopoulos', 'O''Brien', 'Murphy', 'Smith', 'Jones', 'Taylor',
                                      'Wang', 'Li', 'Chen', 'Sharma', 'Patel', 'Mensah', 'Okafor', 'Ivanova',
                                      'Petrov', 'Andersen', 'Nielsen', 'Virtanen', 'Korhonen', 'Silva', 'Santos',
                                      'Costa', 'Ferreira', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz',
                                      'Koch'])[1 + (i / 37) % 53],
                               :hash, now(), 'en'
                        FROM generate_series(:from, :to) AS i
                        RETURNING id, email
                        """)
                .param("from", from)
                .param("to", to)
                .param("hash", hash)
                .query((rs, n) -> Map.entry(rs.getString(2), new AccountId(rs.getObject(1, UUID.class))))
                .list()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    static String email(int number) {
        return "bench-learner-%05d@bench.sapere.test".formatted(number);
    }
}
