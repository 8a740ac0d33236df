package org.sapere.assessment.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.CourseAssessmentPassed;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's grades: each learner's result on each graded quiz (the best graded attempt, or a professor's override),
 * the course result under its grading policy (weights per category, lowest results dropped), and its passing rule.
 */
@Service
public class Grades {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Up to this many learners, {@link #lines} reads only their rows, not the whole course's. */
    private static final int FEW_LEARNERS = 100;

    private static final Cell NOT_TAKEN = new Cell(null, null, 0, false, null);

    private static final QuizSettings.Category[] CATEGORIES = QuizSettings.Category.values();

    private static final String ATTEMPTS = """
            SELECT learner_id, lesson_id, state = 'GRADED', percent FROM assessment.attempt
            WHERE course_id = :course AND state <> 'OPEN'""";

    private static final String OVERRIDES = """
            SELECT learner_id, lesson_id, percent, reason FROM assessment.grade_override WHERE course_id = :course""";

    private final JdbcClient jdbc;
    private final QuizStore quizzes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Grades(JdbcClient jdbc, QuizStore quizzes, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.quizzes = quizzes;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public enum Rule {
        /** Every graded quiz at its own passing percent (Polimi Open Knowledge: 60 % on each). */
        EACH_QUIZ,
        /** The weighted course result at the policy's passing percent. */
        AVERAGE
    }

    /** How a course's result is made: category weights, lowest results dropped per category, the passing rule. */
    public record Policy(
            UUID course,
            Rule rule,
            BigDecimal passingPercent,
            BigDecimal quizWeight,
            BigDecimal examWeight,
            BigDecimal assignmentWeight,
            int dropLowest) {

        public static Policy initial(UUID course) {
            return new Policy(
                    course, Rule.EACH_QUIZ, new BigDecimal("60"), HUNDRED, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        }

        BigDecimal weight(QuizSettings.Category category) {
            return switch (category) {
                case QUIZ -> quizWeight;
                case EXAM -> examWeight;
                case ASSIGNMENT -> assignmentWeight;
            };
        }
    }

    public Policy policy(UUID course) {
        return jdbc.sql("SELECT * FROM assessment.policy WHERE course_id = :course")
                .param("course", course)
                .query((rs, n) -> new Policy(
                        course,
                        Rule.valueOf(rs.getString("rule")),
                        rs.getBigDecimal("passing_percent"),
                        rs.getBigDecimal("quiz_weight"),
                        rs.getBigDecimal("exam_weight"),
                        rs.getBigDecimal("assignment_weight"),
                        rs.getInt("drop_lowest")))
                .optional()
                .orElseGet(() -> Policy.initial(course));
    }

    public void savePolicy(Policy policy) {
        jdbc.sql("""
                INSERT INTO assessment.policy (course_id, rule, passing_percent, quiz_weight, exam_weight,
                    assignment_weight, drop_lowest, updated_at)
                VALUES (:course, :rule, :passing, :quiz, :exam, :assignment, :drop, :at)
                ON CONFLICT (course_id) DO UPDATE SET rule = EXCLUDED.rule, passing_percent = EXCLUDED.passing_percent,
                    quiz_weight = EXCLUDED.quiz_weight, exam_weight = EXCLUDED.exam_weight,
                    assignment_weight = EXCLUDED.assignment_weight, drop_lowest = EXCLUDED.drop_lowest,
                    updated_at = EXCLUDED.updated_at
                """)
                .param("course", policy.course())
                .param("rule", policy.rule().name())
                .param("passing", policy.passingPercent())
                .param("quiz", policy.quizWeight())
                .param("exam", policy.examWeight())
                .param("assignment", policy.assignmentWeight())
                .param("drop", policy.dropLowest())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * A learner's result on one graded quiz.
     *
     * @param percent the override, else the best graded attempt, else null (not taken yet)
     * @param best the best graded attempt's percent, whatever the override
     * @param waiting an attempt waits for an essay to be graded
     */
    public record Cell(
            @Nullable BigDecimal percent,
            @Nullable BigDecimal best,
            int attempts,
            boolean waiting,
            @Nullable String overrideReason) {

        public boolean overridden() {
            return overrideReason != null;
        }
    }

    /** One learner's line of the gradebook. */
    public record Line(UUID learner, Map<UUID, Cell> cells, BigDecimal total, boolean passed) {}

    /** The graded quizzes of a course, in no particular order. */
    public List<QuizSettings> gradedQuizzes(UUID course) {
        return quizzes.ofCourse(course).stream().filter(QuizSettings::graded).toList();
    }

    /**
     * The gradebook lines of these learners (every learner of the course for a report, or one learner): two queries
     * whatever their number. The attempts are read row by row and tallied here: for a course of ten thousand learners
     * that is about fifty thousand narrow rows, which PostgreSQL sends faster than it groups them. For a few learners
     * (after each submission, for an override) only their rows are read.
     */
    public List<Line> lines(UUID course, List<QuizSettings> graded, Collection<UUID> learners) {
        var lessons = graded.stream().map(QuizSettings::lesson).toList();
        var quizNumber = HashMap.<UUID, Integer>newHashMap(lessons.size());
        lessons.forEach(lesson -> quizNumber.put(lesson, quizNumber.size()));
        var tallies = HashMap.<UUID, Tally[]>newHashMap(learners.size());
        if (!lessons.isEmpty() && !learners.isEmpty()) {
            var only = learners.size() <= FEW_LEARNERS
                    ? learners.stream().distinct().toArray(UUID[]::new)
                    : null;
            rows(ATTEMPTS, course, only).query(rs -> {
                var tally = tally(tallies, quizNumber, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                if (tally == null) {
                    return; // not a graded quiz
                }
                tally.attempts++;
                if (rs.getBoolean(3)) {
                    var percent = rs.getBigDecimal(4);
                    if (percent != null && (tally.best == null || percent.compareTo(tally.best) > 0)) {
                        tally.best = percent;
                    }
                } else {
                    tally.waiting = true;
                }
            });
            rows(OVERRIDES, course, only).query(rs -> {
                var tally = tally(tallies, quizNumber, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                if (tally != null) {
                    tally.override = rs.getBigDecimal(3);
                    tally.reason = rs.getString(4);
                }
            });
        }
        var policy = policy(course);
        var lines = new ArrayList<Line>(learners.size());
        for (var learner : learners) {
            var mine = tallies.get(learner);
            var cells = LinkedHashMap.<UUID, Cell>newLinkedHashMap(lessons.size());
            for (var k = 0; k < lessons.size(); k++) {
                var tally = mine == null ? null : mine[k];
                cells.put(lessons.get(k), tally == null ? NOT_TAKEN : tally.cell());
            }
            lines.add(line(learner, cells, graded, policy));
        }
        return lines;
    }

    /** A query of the course's rows; of these learners' only, when {@code only} names them. */
    private JdbcClient.StatementSpec rows(String sql, UUID course, UUID @Nullable [] only) {
        var spec = jdbc.sql(only == null ? sql : sql + " AND learner_id = ANY(:learners)")
                .param("course", course);
        return only == null ? spec : spec.param("learners", only);
    }

    /** What one learner's attempts at one quiz, and an override of its result, add up to. */
    private static final class Tally {
        @Nullable
        BigDecimal best;

        int attempts;
        boolean waiting;

        @Nullable
        BigDecimal override;

        @Nullable
        String reason;

        Cell cell() {
            return override != null
                    ? new Cell(override, best, attempts, waiting, reason)
                    : new Cell(best, best, attempts, waiting, null);
        }
    }

    /** The tally of a learner's graded quiz, made when first needed; null for a lesson that is not a graded quiz. */
    private static @Nullable Tally tally(
            Map<UUID, Tally[]> tallies, Map<UUID, Integer> quizNumber, UUID learner, UUID lesson) {
        var quiz = quizNumber.get(lesson);
        if (quiz == null) {
            return null;
        }
        var mine = tallies.computeIfAbsent(learner, k -> new Tally[quizNumber.size()]);
        if (mine[quiz] == null) {
            mine[quiz] = new Tally();
        }
        return mine[quiz];
    }

    /** A learner's course result from their cells; a loop and an array, as it runs for every learner of a course. */
    static Line line(UUID learner, Map<UUID, Cell> cells, List<QuizSettings> graded, Policy policy) {
        var weighted = BigDecimal.ZERO;
        var weights = BigDecimal.ZERO;
        var passedEach = !graded.isEmpty();
        var values = new BigDecimal[graded.size()];
        for (var category : CATEGORIES) {
            var n = 0;
            for (var quiz : graded) {
                if (quiz.category() != category) {
                    continue;
                }
                var percent = cells.get(quiz.lesson()).percent();
                values[n++] = percent == null ? BigDecimal.ZERO : percent;
                if (percent == null || percent.compareTo(quiz.passingPercent()) < 0) {
                    passedEach = false;
                }
            }
            if (n == 0) {
                continue;
            }
            Arrays.sort(values, 0, n);
            var from = n > policy.dropLowest() ? policy.dropLowest() : 0;
            var sum = BigDecimal.ZERO;
            for (var k = from; k < n; k++) {
                sum = sum.add(values[k]);
            }
            var average = sum.divide(BigDecimal.valueOf(n - from), 4, RoundingMode.HALF_UP);
            var weight = policy.weight(category);
            weighted = weighted.add(average.multiply(weight));
            weights = weights.add(weight);
        }
        BigDecimal total;
        if (weights.signum() > 0) {
            total = weighted.divide(weights, 2, RoundingMode.HALF_UP);
        } else {
            // No category has a weight: every graded quiz counts the same.
            total = graded.isEmpty()
                    ? BigDecimal.ZERO
                    : graded.stream()
                            .map(q -> Optional.ofNullable(cells.get(q.lesson()).percent())
                                    .orElse(BigDecimal.ZERO))
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(graded.size()), 2, RoundingMode.HALF_UP);
        }
        var passed = switch (policy.rule()) {
            case EACH_QUIZ -> passedEach;
            case AVERAGE -> !graded.isEmpty() && total.compareTo(policy.passingPercent()) >= 0;
        };
        return new Line(learner, cells, total, passed);
    }

    /** Publishes {@link CourseAssessmentPassed} the first time the learner meets the course's passing rule. */
    void checkPassing(AccountId learner, CourseId course, Instant now) {
        var graded = gradedQuizzes(course.value());
        var line = lines(course.value(), graded, List.of(learner.value())).getFirst();
        if (!line.passed()) {
            return;
        }
        var first = jdbc.sql("""
                        INSERT INTO assessment.course_pass (course_id, learner_id, percent, passed_at)
                        VALUES (:course, :learner, :percent, :at) ON CONFLICT DO NOTHING
                        """)
                        .param("course", course.value())
                        .param("learner", learner.value())
                        .param("percent", line.total())
                        .param("at", Timestamp.from(now))
                        .update()
                == 1;
        if (first) {
            events.publishEvent(new CourseAssessmentPassed(learner, course, line.total()));
        }
    }

    /** Whether the learner has met the course's passing rule. */
    public boolean passed(AccountId learner, UUID course) {
        return jdbc.sql("SELECT count(*) FROM assessment.course_pass WHERE course_id = :c AND learner_id = :l")
                        .param("c", course)
                        .param("l", learner.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Sets (or, with a null percent, removes) a professor's override of a learner's result on a quiz, with the
     * reason; the change is added to the audit log.
     */
    @Transactional
    public void override(
            UUID course, UUID lesson, UUID learner, @Nullable BigDecimal percent, String reason, AccountId by) {
        var before = jdbc.sql("SELECT percent FROM assessment.grade_override WHERE lesson_id = :q AND learner_id = :l")
                .param("q", lesson)
                .param("l", learner)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        var now = clock.instant();
        if (percent == null) {
            jdbc.sql("DELETE FROM assessment.grade_override WHERE lesson_id = :q AND learner_id = :l")
                    .param("q", lesson)
                    .param("l", learner)
                    .update();
        } else {
            jdbc.sql("""
                    INSERT INTO assessment.grade_override (lesson_id, learner_id, course_id, percent, reason, set_by, set_at)
                    VALUES (:q, :l, :c, :p, :r, :by, :at)
                    ON CONFLICT (lesson_id, learner_id) DO UPDATE SET percent = EXCLUDED.percent,
                        reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
                    """)
                    .param("q", lesson)
                    .param("l", learner)
                    .param("c", course)
                    .param("p", percent)
                    .param("r", reason)
                    .param("by", by.value())
                    .param("at", Timestamp.from(now))
                    .update();
        }
        audit(course, lesson, learner, percent == null ? "CLEAR" : "OVERRIDE", before, percent, reason, by, now);
        checkPassing(new AccountId(learner), new CourseId(course), now);
    }

    void audit(
            UUID course,
            UUID lesson,
            UUID learner,
            String action,
            @Nullable BigDecimal before,
            @Nullable BigDecimal after,
            @Nullable String reason,
            AccountId by,
            Instant at) {
        jdbc.sql("""
                INSERT INTO assessment.grade_audit (course_id, lesson_id, learner_id, action, before, after, reason,
                    by_account, at)
                VALUES (:c, :q, :l, :action, :before, :after, :reason, :by, :at)
                """)
                .param("c", course)
                .param("q", lesson)
                .param("l", learner)
                .param("action", action)
                .param("before", before)
                .param("after", after)
                .param("reason", reason)
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** One entry of the grade changes' log. */
    public record Change(
            UUID lesson,
            UUID learner,
            String action,
            @Nullable BigDecimal before,
            @Nullable BigDecimal after,
            @Nullable String reason,
            UUID by,
            Instant at) {}

    /** The latest grade changes of a course, newest first. */
    public List<Change> changes(UUID course, int limit) {
        return jdbc.sql("SELECT * FROM assessment.grade_audit WHERE course_id = :c ORDER BY at DESC, id DESC LIMIT :n")
                .param("c", course)
                .param("n", limit)
                .query((rs, n) -> new Change(
                        rs.getObject("lesson_id", UUID.class),
                        rs.getObject("learner_id", UUID.class),
                        rs.getString("action"),
                        rs.getBigDecimal("before"),
                        rs.getBigDecimal("after"),
                        rs.getString("reason"),
                        rs.getObject("by_account", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
