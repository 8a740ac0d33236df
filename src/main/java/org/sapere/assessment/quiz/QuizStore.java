package org.sapere.assessment.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The settings of quiz lessons. */
@Repository
public class QuizStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    QuizStore(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<QuizSettings> find(UUID lesson) {
        return jdbc.sql("SELECT * FROM assessment.quiz WHERE lesson_id = :lesson")
                .param("lesson", lesson)
                .query(QuizStore::settings)
                .optional();
    }

    /** The course's quizzes. */
    public List<QuizSettings> ofCourse(UUID course) {
        return jdbc.sql("SELECT * FROM assessment.quiz WHERE course_id = :course")
                .param("course", course)
                .query(QuizStore::settings)
                .list();
    }

    public void save(QuizSettings quiz) {
        jdbc.sql("""
                INSERT INTO assessment.quiz (lesson_id, course_id, slots, shuffle_items, shuffle_options, max_attempts,
                    time_limit_minutes, passing_percent, feedback, show_correct, graded, category, closes_at,
                    placement_module, updated_at)
                VALUES (:lesson, :course, CAST(:slots AS jsonb), :shuffleItems, :shuffleOptions, :maxAttempts,
                    :timeLimit, :passing, :feedback, :showCorrect, :graded, :category, :closesAt, :placement, :at)
                ON CONFLICT (lesson_id) DO UPDATE SET slots = EXCLUDED.slots, shuffle_items = EXCLUDED.shuffle_items,
                    shuffle_options = EXCLUDED.shuffle_options, max_attempts = EXCLUDED.max_attempts,
                    time_limit_minutes = EXCLUDED.time_limit_minutes, passing_percent = EXCLUDED.passing_percent,
                    feedback = EXCLUDED.feedback, show_correct = EXCLUDED.show_correct, graded = EXCLUDED.graded,
                    category = EXCLUDED.category, closes_at = EXCLUDED.closes_at,
                    placement_module = EXCLUDED.placement_module, updated_at = EXCLUDED.updated_at
                """)
                .param("lesson", quiz.lesson())
                .param("course", quiz.course())
                .param("slots", slots(quiz.slots()))
                .param("shuffleItems", quiz.shuffleItems())
                .param("shuffleOptions", quiz.shuffleOptions())
                .param("maxAttempts", quiz.maxAttempts())
                .param("timeLimit", quiz.timeLimitMinutes())
                .param("passing", quiz.passingPercent())
                .param("feedback", quiz.feedback().name())
                .param("showCorrect", quiz.showCorrect())
                .param("graded", quiz.graded())
                .param("category", quiz.category().name())
                .param("closesAt", quiz.closesAt() == null ? null : Timestamp.from(quiz.closesAt()))
                .param("placement", quiz.placementModule())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    static String slots(List<QuizSettings.Slot> slots) {
        var array = JSON.createArrayNode();
        for (var slot : slots) {
            var node = array.addObject();
            switch (slot) {
                case QuizSettings.Fixed fixed -> node.put("item", fixed.item().toString());
                case QuizSettings.Draw draw -> node.put("tag", draw.tag()).put("count", draw.count());
            }
        }
        return JSON.writeValueAsString(array);
    }

    static List<QuizSettings.Slot> slots(String json) {
        var slots = new ArrayList<QuizSettings.Slot>();
        for (JsonNode node : (ArrayNode) JSON.readTree(json)) {
            if (node.has("item")) {
                slots.add(
                        new QuizSettings.Fixed(UUID.fromString(node.get("item").asString())));
            } else {
                slots.add(new QuizSettings.Draw(
                        node.get("tag").asString(), node.get("count").asInt()));
            }
        }
        return slots;
    }

    private static QuizSettings settings(ResultSet rs, int n) throws SQLException {
        var closes = rs.getTimestamp("closes_at");
        return new QuizSettings(
                rs.getObject("lesson_id", UUID.class),
                rs.getObject("course_id", UUID.class),
                slots(rs.getString("slots")),
                rs.getBoolean("shuffle_items"),
                rs.getBoolean("shuffle_options"),
                rs.getInt("max_attempts"),
                rs.getInt("time_limit_minutes"),
                rs.getBigDecimal("passing_percent"),
                QuizSettings.FeedbackTiming.valueOf(rs.getString("feedback")),
                rs.getBoolean("show_correct"),
                rs.getBoolean("graded"),
                QuizSettings.Category.valueOf(rs.getString("category")),
                closes == null ? null : closes.toInstant(),
                rs.getObject("placement_module", UUID.class));
    }
}
