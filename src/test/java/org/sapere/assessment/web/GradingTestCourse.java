package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course of Prof. Rossi's made for one grading test: quiz lessons with items in the bank, the test learners
 * (learner010 to learner013) enrolled, and attempts written straight into the assessment tables in the states a test
 * needs (scoring a submitted attempt is not what these pages test).
 */
final class GradingTestCourse {

    static final String PROFESSOR = "rossi@polimi.example";
    static final List<String> LEARNERS = List.of(
            "learner010@learners.sapere.test",
            "learner011@learners.sapere.test",
            "learner012@learners.sapere.test",
            "learner013@learners.sapere.test");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final UUID id;
    final AccountId professor;
    final Map<String, UUID> lessons = new LinkedHashMap<>();
    final List<AccountId> learners = new ArrayList<>();

    private final CourseEditor editor;
    private final ItemBank bank;
    private final QuizStore quizzes;
    private final JdbcClient jdbc;

    GradingTestCourse(
            CourseEditor editor,
            IdentityDirectory identity,
            ItemBank bank,
            QuizStore quizzes,
            JdbcClient jdbc,
            String title,
            String... quizTitles) {
        this.editor = editor;
        this.bank = bank;
        this.quizzes = quizzes;
        this.jdbc = jdbc;
        professor = identity.accountByEmail(PROFESSOR).orElseThrow();
        id = editor.create(
                professor,
                identity.organisationBySlug("polimi").orElseThrow().id(),
                title + " " + UUID.randomUUID().toString().substring(0, 8),
                "en");
        var module = editor.open(id, professor).course().modules().getFirst().id();
        for (var quiz : quizTitles) {
            var revision = editor.open(id, professor).revision();
            assertThat(editor.addLesson(id, module, professor, revision, quiz, 10, QuizLessons.KIND)
                            .ok())
                    .as("adding " + quiz)
                    .isTrue();
        }
        for (var lesson :
                editor.open(id, professor).course().modules().getFirst().lessons()) {
            lessons.put(lesson.title().original(), lesson.id());
        }
        for (var email : LEARNERS) {
            var learner = identity.accountByEmail(email).orElseThrow();
            learners.add(learner);
            jdbc.sql("""
                    INSERT INTO enrolment.enrolment (id, account_id, course_id, status, enrolled_at)
                    VALUES (:id, :learner, :course, 'ACTIVE', now())
                    """)
                    .param("id", UUID.randomUUID())
                    .param("learner", learner.value())
                    .param("course", id)
                    .update();
        }
    }

    UUID lesson(String title) {
        return java.util.Objects.requireNonNull(lessons.get(title), title);
    }

    AccountId learner(int index) {
        return learners.get(index);
    }

    /** A one-point single choice question whose key is {@code key}, saved in the course's bank. */
    SingleChoice choice(String stem, String key) {
        var item = new SingleChoice(
                ItemInfo.of(LocalizedText.of("en", stem), BigDecimal.ONE),
                List.of(option("A", "Alpha"), option("B", "Bravo"), option("C", "Charlie")),
                key);
        bank.save(id, item, professor.value());
        return item;
    }

    /** A five-point essay with two criteria: argument (strong 3, weak 1, missing 0) and sources (good 2, none 0). */
    Essay essay(String stem) {
        var rubric = new Rubric(List.of(
                new Rubric.Criterion(
                        "argument",
                        LocalizedText.of("en", "Argument"),
                        List.of(
                                level("strong", "Strong and well argued", "3"),
                                level("weak", "Weak", "1"),
                                level("missing", "Missing", "0"))),
                new Rubric.Criterion(
                        "sources",
                        LocalizedText.of("en", "Sources"),
                        List.of(level("good", "Good sources", "2"), level("none", "No sources", "0")))));
        var item = new Essay(ItemInfo.of(LocalizedText.of("en", stem), new BigDecimal("5")), rubric, null, null);
        bank.save(id, item, professor.value());
        return item;
    }

    /** A graded quiz asking these items in this order. */
    void quiz(String lessonTitle, QuizSettings.Category category, Item... items) {
        var slots = new ArrayList<QuizSettings.Slot>();
        for (var item : items) {
            slots.add(new QuizSettings.Fixed(item.info().id()));
        }
        quizzes.save(new QuizSettings(
                lesson(lessonTitle),
                id,
                slots,
                false,
                false,
                0,
                0,
                new BigDecimal("60"),
                QuizSettings.FeedbackTiming.AFTER_SUBMIT,
                true,
                true,
                category,
                null,
                null));
    }

    /** One question of an attempt: the item, the answer form's fields, and its points (null while pending). */
    record Answer(
            Item item,
            Map<String, List<String>> fields,
            @Nullable BigDecimal points) {

        static Answer chose(Item item, String option, boolean right) {
            return new Answer(item, Map.of("", List.of(option)), right ? BigDecimal.ONE : BigDecimal.ZERO);
        }

        static Answer pending(Essay essay, String text) {
            return new Answer(essay, Map.of("", List.of(text)), null);
        }
    }

    /**
     * An attempt as QuizTaking leaves it: GRADED with its score and percent when every answer has its points,
     * SUBMITTED with the essays PENDING otherwise.
     */
    UUID attempt(String lessonTitle, AccountId learner, int number, Instant submitted, Answer... answers) {
        var attempt = UUID.randomUUID();
        var max = BigDecimal.ZERO;
        var score = BigDecimal.ZERO;
        var pending = false;
        for (var answer : answers) {
            max = max.add(answer.item().info().points());
            if (answer.points() == null) {
                pending = true;
            } else {
                score = score.add(answer.points());
            }
        }
        var percent = score.multiply(BigDecimal.valueOf(100)).divide(max, 4, RoundingMode.HALF_UP);
        jdbc.sql("""
                INSERT INTO assessment.attempt (id, lesson_id, course_id, learner_id, number, seed, state, started_at,
                    submitted_at, graded_at, score, max_score, percent, passed)
                VALUES (:id, :lesson, :course, :learner, :number, 1, :state, :started, :submitted, :graded, :score,
                    :max, :percent, :passed)
                """)
                .param("id", attempt)
                .param("lesson", lesson(lessonTitle))
                .param("course", id)
                .param("learner", learner.value())
                .param("number", number)
                .param("state", pending ? "SUBMITTED" : "GRADED")
                .param("started", Timestamp.from(submitted.minusSeconds(600)))
                .param("submitted", Timestamp.from(submitted))
                .param("graded", pending ? null : Timestamp.from(submitted))
                .param("score", score)
                .param("max", max)
                .param("percent", pending ? null : percent)
                .param("passed", pending ? null : percent.compareTo(new BigDecimal("60")) >= 0)
                .update();
        var position = 0;
        for (var answer : answers) {
            position++;
            var info = answer.item().info();
            var correctness = answer.points() == null
                    ? "PENDING"
                    : answer.points().compareTo(info.points()) == 0
                            ? "CORRECT"
                            : answer.points().signum() == 0 ? "INCORRECT" : "PARTIAL";
            jdbc.sql("""
                    INSERT INTO assessment.attempt_item (attempt_id, position, item_id, item_version, answer, saved_at,
                        points, max_points, correctness)
                    VALUES (:attempt, :position, :item, :version, CAST(:answer AS jsonb), :saved, :points, :max,
                        :correctness)
                    """)
                    .param("attempt", attempt)
                    .param("position", position)
                    .param("item", info.id())
                    .param("version", info.version())
                    .param("answer", json(answer.fields()))
                    .param("saved", Timestamp.from(submitted))
                    .param("points", answer.points())
                    .param("max", info.points())
                    .param("correctness", correctness)
                    .update();
        }
        return attempt;
    }

    private static String json(Map<String, List<String>> fields) {
        return JSON.writeValueAsString(fields);
    }

    private static Option option(String id, String text) {
        return Option.of(id, LocalizedText.of("en", text));
    }

    private static Rubric.Level level(String id, String text, String points) {
        return new Rubric.Level(id, LocalizedText.of("en", text), new BigDecimal(points));
    }
}
