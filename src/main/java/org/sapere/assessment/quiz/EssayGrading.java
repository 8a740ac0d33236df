package org.sapere.assessment.quiz;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Scoring;
import org.sapere.identity.AccountId;
import org.sapere.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff grading essays: the queue of answers waiting, grading one with its rubric and a comment, and releasing the
 * grade (an attempt gets its final score, and the learner sees it, once every essay in it is graded and released).
 */
@Service
public class EssayGrading {

    private final JdbcClient jdbc;
    private final Attempts attempts;
    private final ItemBank bank;
    private final QuizStore quizzes;
    private final QuizTaking taking;
    private final Grades grades;
    private final Clock clock;

    EssayGrading(
            JdbcClient jdbc,
            Attempts attempts,
            ItemBank bank,
            QuizStore quizzes,
            QuizTaking taking,
            Grades grades,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.bank = bank;
        this.quizzes = quizzes;
        this.taking = taking;
        this.grades = grades;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** An essay answer waiting for a grade, or graded and not yet released. */
    public record Waiting(
            UUID attempt,
            int position,
            UUID lesson,
            UUID learner,
            UUID item,
            int version,
            Instant submittedAt,
            boolean draftGraded) {}

    /** The course's essays waiting for grading or release, oldest submission first. */
    public List<Waiting> queue(UUID course) {
        return jdbc.sql("""
                SELECT ai.attempt_id, ai.position, a.lesson_id, a.learner_id, ai.item_id, ai.item_version,
                       a.submitted_at, ai.correctness <> 'PENDING' AS draft
                FROM assessment.attempt_item ai JOIN assessment.attempt a ON a.id = ai.attempt_id
                WHERE a.course_id = :course AND a.state = 'SUBMITTED'
                  AND (ai.correctness = 'PENDING' OR NOT ai.released)
                ORDER BY a.submitted_at, ai.position
                """)
                .param("course", course)
                .query((rs, n) -> new Waiting(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8)))
                .list();
    }

    /** One essay of a course's attempt, for its grader. */
    public record ToGrade(Attempts.Attempt attempt, Attempts.AttemptItem row, Essay essay) {}

    /**
     * @throws NotFoundException when the attempt is not the course's, or the question is not an essay
     */
    public ToGrade toGrade(UUID course, UUID attemptId, int position) {
        var attempt = attempts.find(attemptId)
                .filter(a -> a.course().equals(course) && !a.open())
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        var row = attempts.items(attemptId).stream()
                .filter(r -> r.position() == position)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("question " + position));
        if (!(bank.item(row.item(), row.version()).orElseThrow() instanceof Essay essay)) {
            throw new NotFoundException("not an essay");
        }
        return new ToGrade(attempt, row, essay);
    }

    /**
     * Grades an essay with a level per rubric criterion and an optional comment; with {@code release} the grade is
     * released, and an attempt whose essays are all graded and released gets its final score.
     *
     * @throws org.sapere.assessment.domain.InvalidGradeException when a criterion has no level or an unknown one
     */
    @Transactional
    public void grade(
            UUID course,
            UUID attemptId,
            int position,
            Map<String, String> levels,
            @Nullable String comment,
            boolean release,
            AccountId by) {
        var target = toGrade(course, attemptId, position);
        var attempt = attempts.lock(attemptId).orElseThrow();
        var score = Scoring.grade(target.essay(), levels);
        var now = clock.instant();
        attempts.gradeEssay(
                attemptId,
                position,
                score.points(),
                score.correctness(),
                levels,
                comment == null || comment.isBlank() ? null : comment.strip(),
                by.value(),
                now,
                release);
        grades.audit(
                course,
                attempt.lesson(),
                attempt.learner(),
                "ESSAY",
                target.row().points(),
                score.points(),
                comment,
                by,
                now);
        var rows = attempts.items(attemptId);
        var done = rows.stream()
                .allMatch(r -> r.correctness() != null
                        && r.correctness() != org.sapere.assessment.domain.Correctness.PENDING
                        && r.released());
        if (done && attempt.state() == Attempts.State.SUBMITTED) {
            var total = rows.stream()
                    .map(r -> r.points() == null ? BigDecimal.ZERO : r.points())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            var quiz = quizzes.find(attempt.lesson()).orElseThrow();
            taking.close(attempt, quiz, total, now, attempt.late());
        }
    }
}
