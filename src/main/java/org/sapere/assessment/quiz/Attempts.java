package org.sapere.assessment.quiz;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Correctness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Attempts at quizzes and their items, with the learner's saved answers and the points given. */
@Repository
public class Attempts {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> LEVELS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum State {
        OPEN,
        SUBMITTED,
        GRADED
    }

    public record Attempt(
            UUID id,
            UUID lesson,
            UUID course,
            UUID learner,
            int number,
            long seed,
            State state,
            Instant startedAt,
            @Nullable Instant dueAt,
            @Nullable Instant submittedAt,
            boolean late,
            @Nullable BigDecimal score,
            BigDecimal maxScore,
            @Nullable BigDecimal percent,
            @Nullable Boolean passed) {

        public boolean open() {
            return state == State.OPEN;
        }
    }

    /**
     * One question of an attempt: which item version, what the learner answered (the answer form's fields), and
     * its points once graded; an essay also keeps the rubric levels chosen and the grader's comment.
     */
    public record AttemptItem(
            int position,
            UUID item,
            int version,
            Map<String, List<String>> answer,
            @Nullable Instant savedAt,
            @Nullable Instant checkedAt,
            @Nullable BigDecimal points,
            BigDecimal maxPoints,
            @Nullable Correctness correctness,
            Map<String, String> rubric,
            @Nullable String comment,
            boolean released) {}

    void insert(Attempt a, List<AttemptItem> items) {
        jdbc.sql("""
                INSERT INTO assessment.attempt (id, lesson_id, course_id, learner_id, number, seed, state, started_at,
                                                due_at, max_score)
                VALUES (:id, :lesson, :course, :learner, :number, :seed, 'OPEN', :started, :due, :max)
                """)
                .param("id", a.id())
                .param("lesson", a.lesson())
                .param("course", a.course())
                .param("learner", a.learner())
                .param("number", a.number())
                .param("seed", a.seed())
                .param("started", Timestamp.from(a.startedAt()))
                .param("due", a.dueAt() == null ? null : Timestamp.from(a.dueAt()))
                .param("max", a.maxScore())
                .update();
        for (var item : items) {
            jdbc.sql("""
                    INSERT INTO assessment.attempt_item (attempt_id, position, item_id, item_version, max_points)
                    VALUES (:attempt, :position, :item, :version, :max)
                    """)
                    .param("attempt", a.id())
                    .param("position", item.position())
                    .param("item", item.item())
                    .param("version", item.version())
                    .param("max", item.maxPoints())
                    .update();
        }
    }

    public Optional<Attempt> find(UUID id) {
        return jdbc.sql("SELECT * FROM assessment.attempt WHERE id = :id")
                .param("id", id)
                .query(Attempts::attempt)
                .optional();
    }

    /** The attempt, its row locked until the transaction ends (so one submission wins). */
    Optional<Attempt> lock(UUID id) {
        return jdbc.sql("SELECT * FROM assessment.attempt WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Attempts::attempt)
                .optional();
    }

    /** The learner's attempts at a quiz, first first. */
    public List<Attempt> of(UUID learner, UUID lesson) {
        return jdbc.sql(
                        "SELECT * FROM assessment.attempt WHERE learner_id = :learner AND lesson_id = :lesson ORDER BY number")
                .param("learner", learner)
                .param("lesson", lesson)
                .query(Attempts::attempt)
                .list();
    }

    /** Open attempts whose time (plus grace) ran out before {@code before}. */
    List<UUID> overdue(Instant before) {
        return jdbc.sql("SELECT id FROM assessment.attempt WHERE state = 'OPEN' AND due_at < :before LIMIT 500")
                .param("before", Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    public List<AttemptItem> items(UUID attempt) {
        return jdbc.sql("SELECT * FROM assessment.attempt_item WHERE attempt_id = :attempt ORDER BY position")
                .param("attempt", attempt)
                .query(Attempts::item)
                .list();
    }

    /** Saves an answer if the attempt is still open; false when it is not (or has no such position). */
    boolean saveAnswer(UUID attempt, int position, Map<String, List<String>> fields, Instant at) {
        return jdbc.sql("""
                        UPDATE assessment.attempt_item SET answer = CAST(:answer AS jsonb), saved_at = :at
                        WHERE attempt_id = :attempt AND position = :position AND checked_at IS NULL
                          AND EXISTS (SELECT 1 FROM assessment.attempt a WHERE a.id = :attempt AND a.state = 'OPEN')
                        """)
                        .param("answer", JSON.writeValueAsString(fields))
                        .param("at", Timestamp.from(at))
                        .param("attempt", attempt)
                        .param("position", position)
                        .update()
                == 1;
    }

    /** Marks a question checked (its answer final, its feedback shown); false when it was already, or is closed. */
    boolean check(UUID attempt, int position, Instant at) {
        return jdbc.sql("""
                        UPDATE assessment.attempt_item SET checked_at = :at
                        WHERE attempt_id = :attempt AND position = :position AND checked_at IS NULL
                          AND EXISTS (SELECT 1 FROM assessment.attempt a WHERE a.id = :attempt AND a.state = 'OPEN')
                        """)
                        .param("at", Timestamp.from(at))
                        .param("attempt", attempt)
                        .param("position", position)
                        .update()
                == 1;
    }

    void grade(UUID attempt, int position, @Nullable BigDecimal points, Correctness correctness) {
        jdbc.sql("""
                UPDATE assessment.attempt_item SET points = :points, correctness = :correctness
                WHERE attempt_id = :attempt AND position = :position
                """)
                .param("points", points)
                .param("correctness", correctness.name())
                .param("attempt", attempt)
                .param("position", position)
                .update();
    }

    void gradeEssay(
            UUID attempt,
            int position,
            BigDecimal points,
            Correctness correctness,
            Map<String, String> levels,
            @Nullable String comment,
            UUID by,
            Instant at,
            boolean released) {
        jdbc.sql("""
                UPDATE assessment.attempt_item SET points = :points, correctness = :correctness,
                    rubric = CAST(:rubric AS jsonb), comment = :comment, graded_by = :by, graded_at = :at,
                    released = :released
                WHERE attempt_id = :attempt AND position = :position
                """)
                .param("points", points)
                .param("correctness", correctness.name())
                .param("rubric", JSON.writeValueAsString(levels))
                .param("comment", comment)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("released", released)
                .param("attempt", attempt)
                .param("position", position)
                .update();
    }

    void finish(
            UUID attempt,
            State state,
            Instant submittedAt,
            boolean late,
            @Nullable BigDecimal score,
            @Nullable BigDecimal percent,
            @Nullable Boolean passed,
            @Nullable Instant gradedAt) {
        jdbc.sql("""
                UPDATE assessment.attempt SET state = :state, submitted_at = coalesce(submitted_at, :submitted),
                    late = late OR :late, score = :score, percent = :percent, passed = :passed, graded_at = :graded
                WHERE id = :id
                """)
                .param("state", state.name())
                .param("submitted", Timestamp.from(submittedAt))
                .param("late", late)
                .param("score", score)
                .param("percent", percent)
                .param("passed", passed)
                .param("graded", gradedAt == null ? null : Timestamp.from(gradedAt))
                .param("id", attempt)
                .update();
    }

    /** The next attempt number of a learner at a quiz. */
    int nextNumber(UUID learner, UUID lesson) {
        return jdbc.sql(
                        "SELECT coalesce(max(number), 0) + 1 FROM assessment.attempt WHERE learner_id = :l AND lesson_id = :q")
                .param("l", learner)
                .param("q", lesson)
                .query(Integer.class)
                .single();
    }

    static Map<String, List<String>> fields(@Nullable String json) {
        return json == null ? Map.of() : new LinkedHashMap<>(JSON.readValue(json, FIELDS));
    }

    private static Attempt attempt(ResultSet rs, int n) throws SQLException {
        return new Attempt(
                rs.getObject("id", UUID.class),
                rs.getObject("lesson_id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getObject("learner_id", UUID.class),
                rs.getInt("number"),
                rs.getLong("seed"),
                State.valueOf(rs.getString("state")),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("submitted_at")),
                rs.getBoolean("late"),
                rs.getBigDecimal("score"),
                rs.getBigDecimal("max_score"),
                rs.getBigDecimal("percent"),
                (Boolean) rs.getObject("passed"));
    }

    private static AttemptItem item(ResultSet rs, int n) throws SQLException {
        var correctness = rs.getString("correctness");
        var rubric = rs.getString("rubric");
        return new AttemptItem(
                rs.getInt("position"),
                rs.getObject("item_id", UUID.class),
                rs.getInt("item_version"),
                fields(rs.getString("answer")),
                instant(rs.getTimestamp("saved_at")),
                instant(rs.getTimestamp("checked_at")),
                rs.getBigDecimal("points"),
                rs.getBigDecimal("max_points"),
                correctness == null ? null : Correctness.valueOf(correctness),
                rubric == null ? Map.of() : JSON.readValue(rubric, LEVELS),
                rs.getString("comment"),
                rs.getBoolean("released"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
