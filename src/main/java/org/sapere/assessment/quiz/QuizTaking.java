package org.sapere.assessment.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.sapere.assessment.QuizCompleted;
import org.sapere.assessment.QuizGraded;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.Scoring;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A learner taking quizzes: starting an attempt (drawing and freezing its items), saving answers as they go,
 * submitting (once, however often the request arrives), and automatic grading. Time limits are kept here, on the
 * server: an answer saved after the limit plus a short grace is refused, and an attempt whose time ran out is
 * submitted with what was saved in time.
 */
@Service
public class QuizTaking {

    private final QuizStore quizzes;
    private final Attempts attempts;
    private final ItemBank bank;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;
    private final Grades grades;
    private final TransactionTemplate transactions;

    QuizTaking(
            QuizStore quizzes,
            Attempts attempts,
            ItemBank bank,
            CourseAuthoring courses,
            Registrar registrar,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Grades grades,
            TransactionTemplate transactions,
            Optional<Clock> clock,
            @Value("${sapere.assessment.grace-seconds:20}") long graceSeconds) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.bank = bank;
        this.courses = courses;
        this.registrar = registrar;
        this.events = events;
        this.jdbc = jdbc;
        this.grades = grades;
        this.transactions = transactions;
        this.clock = clock.orElse(Clock.systemUTC());
        this.grace = Duration.ofSeconds(graceSeconds);
    }

    /** The grace after a time limit during which answers are still taken (network, a slow phone). */
    public Duration grace() {
        return grace;
    }

    /** A quiz lesson's settings, for a learner enrolled in its published course. */
    public QuizSettings quizFor(AccountId learner, UUID lesson) {
        var quiz = quizzes.find(lesson).orElseThrow(() -> new NotFoundException("quiz " + lesson));
        var published = courses.outline(new CourseId(quiz.course()))
                .filter(c -> c.lesson(lesson).isPresent())
                .orElseThrow(() -> new NotFoundException("quiz " + lesson));
        if (!registrar.isEnrolled(learner, published.id())) {
            throw new org.springframework.security.access.AccessDeniedException("not enrolled");
        }
        return quiz;
    }

    /** The learner's attempts at the quiz, first first (an overdue open attempt is submitted first). */
    public List<Attempts.Attempt> attempts(AccountId learner, UUID lesson) {
        var list = attempts.of(learner.value(), lesson);
        if (list.stream().anyMatch(a -> a.open() && overdue(a, clock.instant()))) {
            list.stream().filter(Attempts.Attempt::open).forEach(a -> finishOverdue(a.id()));
            return attempts.of(learner.value(), lesson);
        }
        return list;
    }

    /**
     * Starts an attempt, or gives back the learner's open one: the items are drawn now (fixed items, then random
     * ones by tag), shuffled if the quiz says so, and frozen at their current versions.
     *
     * @throws QuizRefusedException when no attempt may start (no attempts left, quiz closed, no questions)
     */
    public Attempts.Attempt start(AccountId learner, UUID lesson) {
        var quiz = quizFor(learner, lesson);
        var existing = attempts(learner, lesson);
        var open = existing.stream().filter(Attempts.Attempt::open).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        var now = clock.instant();
        var refusal = refusal(quiz, existing.size());
        if (refusal.isPresent()) {
            throw new QuizRefusedException(refusal.get());
        }
        var seed = new java.security.SecureRandom().nextLong();
        var items = draw(quiz, new Random(seed));
        if (items.isEmpty()) {
            throw new QuizRefusedException("assessment.quiz.noQuestions");
        }
        var frozen = new ArrayList<Attempts.AttemptItem>();
        var max = BigDecimal.ZERO;
        for (var item : items) {
            var info = item.info();
            frozen.add(new Attempts.AttemptItem(
                    frozen.size() + 1,
                    info.id(),
                    info.version(),
                    Map.of(),
                    null,
                    null,
                    null,
                    info.points(),
                    null,
                    Map.of(),
                    null,
                    true));
            max = max.add(info.points());
        }
        var due = quiz.timeLimitMinutes() > 0 ? now.plus(Duration.ofMinutes(quiz.timeLimitMinutes())) : null;
        if (quiz.closesAt() != null && (due == null || due.isAfter(quiz.closesAt()))) {
            due = quiz.closesAt();
        }
        var attempt = new Attempts.Attempt(
                UUID.randomUUID(),
                lesson,
                quiz.course(),
                learner.value(),
                attempts.nextNumber(learner.value(), lesson),
                seed,
                Attempts.State.OPEN,
                now,
                due,
                null,
                false,
                null,
                max,
                null,
                null);
        try {
            transactions.executeWithoutResult(status -> attempts.insert(attempt, frozen));
        } catch (DuplicateKeyException doubleClick) {
            // Another request started one at the same moment: that one is the learner's attempt.
            return attempts.of(learner.value(), lesson).stream()
                    .filter(Attempts.Attempt::open)
                    .findFirst()
                    .orElseThrow(() -> doubleClick);
        }
        return attempt;
    }

    /**
     * Why no new attempt may start now (the message key), or empty: the quiz closed, no attempts left, or no
     * questions.
     */
    public Optional<String> refusal(QuizSettings quiz, int attemptsMade) {
        if (quiz.maxAttempts() > 0 && attemptsMade >= quiz.maxAttempts()) {
            return Optional.of("assessment.quiz.noAttemptsLeft");
        }
        if (quiz.closesAt() != null && clock.instant().isAfter(quiz.closesAt())) {
            return Optional.of("assessment.quiz.closed");
        }
        if (quiz.questionCount() == 0) {
            return Optional.of("assessment.quiz.noQuestions");
        }
        return Optional.empty();
    }

    /** The items an attempt asks, drawn from the bank as the quiz's slots say. */
    List<Item> draw(QuizSettings quiz, Random random) {
        var chosen = new ArrayList<Item>();
        var used = new HashSet<UUID>();
        var fixed = new ArrayList<UUID>();
        for (var slot : quiz.slots()) {
            if (slot instanceof QuizSettings.Fixed f) {
                fixed.add(f.item());
            }
        }
        used.addAll(fixed);
        for (var slot : quiz.slots()) {
            switch (slot) {
                case QuizSettings.Fixed f ->
                    bank.current(quiz.course(), f.item()).ifPresent(chosen::add);
                case QuizSettings.Draw d -> {
                    var pool = new ArrayList<>(bank.list(quiz.course(), d.tag()).stream()
                            .filter(e -> !used.contains(e.id()))
                            .sorted(java.util.Comparator.comparing(ItemBank.Entry::id))
                            .toList());
                    java.util.Collections.shuffle(pool, random);
                    for (var entry : pool.subList(0, Math.min(d.count(), pool.size()))) {
                        used.add(entry.id());
                        bank.item(entry.id(), entry.version()).ifPresent(chosen::add);
                    }
                }
            }
        }
        if (quiz.shuffleItems()) {
            java.util.Collections.shuffle(chosen, random);
        }
        return chosen;
    }

    /** An attempt with its items, for the learner who owns it. */
    public record Taking(
            Attempts.Attempt attempt, QuizSettings quiz, List<Attempts.AttemptItem> rows, Map<String, Item> items) {

        public Item item(Attempts.AttemptItem row) {
            return items.get(ItemBank.key(row.item(), row.version()));
        }

        /** The seed that orders this question's options (0: in the author's order). */
        public long optionSeed(Attempts.AttemptItem row) {
            return quiz.shuffleOptions() ? attempt.seed() ^ (row.position() * 0x9E3779B97F4A7C15L) : 0;
        }
    }

    /**
     * The learner's attempt with its items (an overdue open attempt is submitted first).
     *
     * @throws NotFoundException when there is no such attempt of this learner
     */
    public Taking taking(AccountId learner, UUID attemptId) {
        var attempt = own(learner, attemptId);
        if (attempt.open() && overdue(attempt, clock.instant())) {
            finishOverdue(attemptId);
            attempt = own(learner, attemptId);
        }
        return load(attempt);
    }

    Taking load(Attempts.Attempt attempt) {
        var quiz = quizzes.find(attempt.lesson()).orElseThrow(() -> new NotFoundException("quiz"));
        var rows = attempts.items(attempt.id());
        var items = bank.items(
                rows.stream().map(r -> Map.entry(r.item(), r.version())).toList());
        return new Taking(attempt, quiz, rows, items);
    }

    private Attempts.Attempt own(AccountId learner, UUID attemptId) {
        return attempts.find(attemptId)
                .filter(a -> a.learner().equals(learner.value()))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
    }

    /** What became of a saved answer. */
    public enum Saved {
        SAVED,
        /** The attempt is no longer open (submitted in another tab). */
        CLOSED,
        /** The time limit and its grace have passed: the answer is not taken. */
        TIME_UP
    }

    /** Saves the learner's answer to one question of an open attempt, if its time has not run out. */
    public Saved save(AccountId learner, UUID attemptId, int position, Map<String, List<String>> fields) {
        var attempt = own(learner, attemptId);
        if (!attempt.open()) {
            return Saved.CLOSED;
        }
        var now = clock.instant();
        if (overdue(attempt, now)) {
            finishOverdue(attemptId);
            return Saved.TIME_UP;
        }
        return attempts.saveAnswer(attemptId, position, fields, now) ? Saved.SAVED : Saved.CLOSED;
    }

    /**
     * With immediate feedback, checks one question: its answer is saved (if in time) and becomes final, and the
     * page then shows its feedback. A question already checked keeps its first answer.
     *
     * @throws QuizRefusedException when the quiz does not give immediate feedback
     */
    @Transactional
    public Saved check(AccountId learner, UUID attemptId, int position, Map<String, List<String>> fields) {
        var attempt = attempts.lock(attemptId)
                .filter(a -> a.learner().equals(learner.value()))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        var quiz = quizzes.find(attempt.lesson()).orElseThrow(() -> new NotFoundException("quiz"));
        if (quiz.feedback() != QuizSettings.FeedbackTiming.IMMEDIATE) {
            throw new QuizRefusedException("assessment.quiz.noImmediateFeedback");
        }
        if (!attempt.open()) {
            return Saved.CLOSED;
        }
        var now = clock.instant();
        if (overdue(attempt, now)) {
            return Saved.TIME_UP;
        }
        attempts.saveAnswer(attemptId, position, fields, now);
        attempts.check(attemptId, position, now);
        return Saved.SAVED;
    }

    /**
     * Submits an attempt with the answers on the page (saved first, if in time) and grades it. Idempotent: a second
     * submission of the same attempt (a double click, a retried request) changes nothing and gives the same attempt.
     */
    @Transactional
    public Attempts.Attempt submit(AccountId learner, UUID attemptId, Map<Integer, Map<String, List<String>>> answers) {
        var attempt = attempts.lock(attemptId)
                .filter(a -> a.learner().equals(learner.value()))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        if (!attempt.open()) {
            return attempt;
        }
        var now = clock.instant();
        var late = overdue(attempt, now);
        if (!late) {
            answers.forEach((position, fields) -> attempts.saveAnswer(attemptId, position, fields, now));
        }
        finish(attempt, now, late);
        return attempts.find(attemptId).orElseThrow();
    }

    /** Submits open attempts whose time ran out, every half minute, with what was saved in time. */
    @Scheduled(fixedDelayString = "${sapere.assessment.sweep-ms:30000}", initialDelay = 30_000)
    void submitOverdue() {
        for (var id : attempts.overdue(clock.instant().minus(grace))) {
            finishOverdue(id);
        }
    }

    private void finishOverdue(UUID attemptId) {
        transactions.executeWithoutResult(status -> attempts.lock(attemptId)
                .filter(Attempts.Attempt::open)
                .ifPresent(a -> finish(a, clock.instant(), true)));
    }

    private boolean overdue(Attempts.Attempt attempt, Instant now) {
        return attempt.dueAt() != null && now.isAfter(attempt.dueAt().plus(grace));
    }

    /** Scores every question of a locked, open attempt and closes it. */
    private void finish(Attempts.Attempt attempt, Instant now, boolean late) {
        var taking = load(attempt);
        var limit = attempt.dueAt() == null ? null : attempt.dueAt().plus(grace);
        var pending = false;
        var total = BigDecimal.ZERO;
        for (var row : taking.rows()) {
            var item = taking.item(row);
            var inTime =
                    row.savedAt() != null && (limit == null || !row.savedAt().isAfter(limit));
            var response = inTime ? Answers.response(item, row.answer()) : new Response.Unanswered();
            var score = Scoring.score(item, response);
            if (score.correctness() == Correctness.PENDING) {
                pending = true;
                attempts.grade(attempt.id(), row.position(), null, Correctness.PENDING);
            } else {
                attempts.grade(attempt.id(), row.position(), score.points(), score.correctness());
                total = total.add(score.points());
            }
        }
        if (pending) {
            attempts.finish(attempt.id(), Attempts.State.SUBMITTED, now, late, total, null, null, null);
            return;
        }
        close(attempt, taking.quiz(), total, now, late);
    }

    /** Gives a fully graded attempt its percent, publishes the result, and completes the lesson when it should. */
    void close(Attempts.Attempt attempt, QuizSettings quiz, BigDecimal total, Instant now, boolean late) {
        var percent = attempt.maxScore().signum() == 0
                ? BigDecimal.ZERO
                : total.multiply(BigDecimal.valueOf(100)).divide(attempt.maxScore(), 4, RoundingMode.HALF_UP);
        var passed = percent.compareTo(quiz.passingPercent()) >= 0;
        attempts.finish(attempt.id(), Attempts.State.GRADED, now, late, total, percent, passed, now);
        var learner = new AccountId(attempt.learner());
        var course = new CourseId(attempt.course());
        var lesson = new LessonId(attempt.lesson());
        events.publishEvent(new QuizGraded(
                learner, course, lesson, attempt.id(), attempt.number(), percent, passed, quiz.graded()));
        if (!quiz.graded() || passed) {
            var first = jdbc.sql("""
                            INSERT INTO assessment.quiz_done (lesson_id, learner_id, done_at) VALUES (:lesson, :learner, :at)
                            ON CONFLICT DO NOTHING
                            """)
                            .param("lesson", attempt.lesson())
                            .param("learner", attempt.learner())
                            .param("at", java.sql.Timestamp.from(now))
                            .update()
                    == 1;
            if (first) {
                events.publishEvent(new QuizCompleted(learner, course, lesson));
            }
            if (passed && quiz.placementModule() != null) {
                jdbc.sql("""
                        INSERT INTO assessment.placement (learner_id, module_id, course_id, lesson_id, passed_at)
                        VALUES (:learner, :module, :course, :lesson, :at) ON CONFLICT DO NOTHING
                        """)
                        .param("learner", attempt.learner())
                        .param("module", quiz.placementModule())
                        .param("course", attempt.course())
                        .param("lesson", attempt.lesson())
                        .param("at", java.sql.Timestamp.from(now))
                        .update();
            }
        }
        if (quiz.graded()) {
            grades.checkPassing(learner, course, now);
        }
    }

    /** The score of one question of a submitted attempt, worked out again from the item and the saved answer. */
    public static Score scoreOf(Item item, Attempts.AttemptItem row) {
        if (item instanceof Essay essay && !row.rubric().isEmpty()) {
            return Scoring.grade(essay, row.rubric());
        }
        if (row.correctness() == null) {
            return Scoring.score(item, new Response.Unanswered());
        }
        return Scoring.score(item, Answers.response(item, row.answer()));
    }

    /** Which modules of a course the learner has shown they know through a placement test. */
    public List<UUID> knownModules(AccountId learner, UUID course) {
        return jdbc.sql("SELECT module_id FROM assessment.placement WHERE learner_id = :l AND course_id = :c")
                .param("l", learner.value())
                .param("c", course)
                .query(UUID.class)
                .list();
    }
}
